using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VideoPipeline.Durable.Hosting;
using VideoPipeline.Host.Api;
using VideoPipeline.Host.Api.Auth;
using VideoPipeline.Host.Cli;
using VideoPipeline.Storage.Tasks;

namespace VideoPipeline.Host.Bench;

/// <summary>
/// The HTTP API in process on a free port, in a private task hub: <see cref="Submissions"/> generate calls
/// (<see cref="SubmitConcurrency"/> at a time; p99 target &lt; 150 ms), then <see cref="Pollers"/> clients polling
/// job status for the given duration (p99 target &lt; 50 ms, no errors), each polling every <see cref="PollInterval"/>
/// (far more often than the Retry-After the API sends), then the same clients without pause to show the saturation
/// throughput (there, latency is clients ÷ throughput by Little's law, whatever the server does). The worker is
/// off, so the jobs wait and nothing but the API competes for the cores.
/// </summary>
public static class ApiBenchmark
{
    public const double TargetStatusP99Ms = 50;
    public const double TargetSubmitP99Ms = 150;
    public const int Submissions = 500;
    public const int SubmitConcurrency = 10;
    public const int Pollers = 200;
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private const string Key = "bench-key-0123456789abcdef";

    public static async Task<int> RunAsync(TextWriter output, TimeSpan pollDuration, CancellationToken cancellationToken)
    {
        var hub = $"bench{Guid.NewGuid():N}"[..16];
        var owner = "bench-" + hub;
        var port = FreePort();
        await using var app = ApiHost.Build(new Dictionary<string, string?>
        {
            ["Api:Urls"] = $"http://127.0.0.1:{port}",
            ["Api:Keys:0"] = $"{owner}:{Key}",
            ["Api:RateLimit:Enabled"] = "false",
            ["Api:Watchdog:Enabled"] = "false",
            ["DurableTask:HubName"] = hub,
            ["DurableTask:WorkerEnabled"] = "false",
            ["Logging:LogLevel:Default"] = "Error",
        });
        if (await app.Services.GetRequiredService<StoragePreflight>().CheckAsync(cancellationToken) is { } down)
        {
            await output.WriteLineAsync($"error: {down}");
            return ExitCodes.Failed;
        }

        await app.StartAsync(cancellationToken);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Pollers + SubmitConcurrency })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            Timeout = TimeSpan.FromSeconds(30),
        };
        http.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, Key);
        var jobs = new ConcurrentBag<string>();
        try
        {
            await output.WriteLineAsync(Line($"api: http://127.0.0.1:{port}, task hub '{hub}' ({Environment.ProcessorCount} cores), worker off"));
            await SubmitAsync(http, jobs, 5, 5, cancellationToken);
            jobs.Clear();

            var submit = await SubmitAsync(http, jobs, Submissions, SubmitConcurrency, cancellationToken);
            await output.WriteLineAsync(Line(
                $"  submit  {submit.Count,7} requests {submit.Errors} errors  p50 {submit.P50,6:0.0} ms  p99 {submit.P99,6:0.0} ms  target p99 < {TargetSubmitP99Ms:0}: {Verdict(submit.P99 < TargetSubmitP99Ms && submit.Errors == 0)}"));

            // Steady state is what is measured: every client connected and every job read once.
            ThreadPool.GetMinThreads(out var workers, out var io);
            ThreadPool.SetMinThreads(Math.Max(workers, Pollers + SubmitConcurrency), io);
            await PollAsync(http, jobs.ToArray(), TimeSpan.FromSeconds(2), PollInterval, cancellationToken);
            var poll = await PollAsync(http, jobs.ToArray(), pollDuration, PollInterval, cancellationToken);
            await output.WriteLineAsync(Line(
                $"  status  {poll.Count,7} requests {poll.Errors} errors  p50 {poll.P50,6:0.0} ms  p99 {poll.P99,6:0.0} ms  ({poll.Count / pollDuration.TotalSeconds:0} req/s, {Pollers} clients each every {PollInterval.TotalMilliseconds:0} ms, {pollDuration.TotalSeconds:0} s)  target p99 < {TargetStatusP99Ms:0}, 0 errors: {Verdict(poll.P99 < TargetStatusP99Ms && poll.Errors == 0)}"));
            var saturation = await PollAsync(http, jobs.ToArray(), TimeSpan.FromSeconds(Math.Min(10, pollDuration.TotalSeconds)), TimeSpan.Zero, cancellationToken);
            await output.WriteLineAsync(Line(
                $"  status, no pause: {saturation.Count / Math.Min(10, pollDuration.TotalSeconds):0} req/s, {saturation.Errors} errors, p50 {saturation.P50:0.0} ms, p99 {saturation.P99:0.0} ms (saturation; for information)"));
            return submit.Errors == 0 && poll.Errors == 0 && saturation.Errors == 0 ? ExitCodes.Success : ExitCodes.Failed;
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            await app.Services.GetRequiredService<TaskHubMaintenance>().DeleteAsync(CancellationToken.None);
            var admission = app.Services.GetRequiredService<VideoPipeline.Jobs.Admission.JobAdmission>();
            foreach (var line in admission.Lines)
            {
                await admission.ClearAsync(line, CancellationToken.None);
            }

            var tasks = app.Services.GetRequiredService<ITaskStore>();
            foreach (var job in jobs)
            {
                await tasks.SoftDeleteAsync(owner, job, CancellationToken.None);
            }
        }
    }

    private static async Task<Measured> SubmitAsync(HttpClient http, ConcurrentBag<string> jobs, int count, int concurrency, CancellationToken cancellationToken)
    {
        var latencies = new ConcurrentBag<double>();
        var errors = 0;
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= count)
            {
                var clock = Stopwatch.StartNew();
                using var body = new StringContent("""{"prompt":"A short benchmark clip of a calm harbour","duration_seconds":2}""", Encoding.UTF8, "application/json");
                using var response = await http.PostAsync("/api/video/generate", body, cancellationToken);
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                latencies.Add(clock.Elapsed.TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.Accepted)
                {
                    Interlocked.Increment(ref errors);
                    continue;
                }

                using var json = JsonDocument.Parse(text);
                jobs.Add(json.RootElement.GetProperty("job_id").GetString()!);
            }
        }));
        return Measured.Of(latencies, errors);
    }

    private static async Task<Measured> PollAsync(HttpClient http, string[] jobs, TimeSpan duration, TimeSpan interval, CancellationToken cancellationToken)
    {
        var latencies = new ConcurrentBag<double>();
        var errors = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(duration);
        await Task.WhenAll(Enumerable.Range(0, Pollers).Select(async client =>
        {
            var local = new List<double>();
            var i = client;

            // Clients start spread over one interval, as independent pollers would.
            var next = Stopwatch.GetTimestamp() + (long)(interval.TotalSeconds * Stopwatch.Frequency * client / Pollers);
            while (!stop.IsCancellationRequested)
            {
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, CancellationToken.None);
                }

                next += (long)(interval.TotalSeconds * Stopwatch.Frequency);
                var clock = Stopwatch.StartNew();
                try
                {
                    // Not cancelled mid-request: a poll cut off by the end of the run is not an error.
                    using var response = await http.GetAsync($"/api/video/jobs/{jobs[i++ % jobs.Length]}", CancellationToken.None);
                    await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
                    local.Add(clock.Elapsed.TotalMilliseconds);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
            }

            foreach (var latency in local)
            {
                latencies.Add(latency);
            }
        }));
        return Measured.Of(latencies, errors);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Verdict(bool met) => met ? "met" : "NOT met";

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record Measured(int Count, int Errors, double P50, double P99)
    {
        public static Measured Of(IEnumerable<double> latencies, int errors)
        {
            var sorted = latencies.Order().ToArray();
            return new Measured(sorted.Length, errors, Percentile(sorted, 0.50), Percentile(sorted, 0.99));
        }

        private static double Percentile(double[] sorted, double p) =>
            sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }
}
