using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VideoPipeline.Tests.TestSupport;

/// <summary>
/// A real HTTP server (Kestrel on 127.0.0.1, a free port) whose routes a test maps to a provider's
/// documented contract. It records every request and can answer the next matching ones with a scripted
/// status (429 with Retry-After, 500, malformed JSON) before the contract takes over again.
/// </summary>
internal sealed class ContractServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly List<RecordedRequest> requests = [];
    private readonly List<ScriptedAnswer> script = [];

    private ContractServer(WebApplication app, Uri baseUrl)
    {
        this.app = app;
        this.BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (this.requests)
            {
                return [.. this.requests];
            }
        }
    }

    public static async Task<ContractServer> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        ContractServer? server = null;
        app.Use(async (context, next) =>
        {
            context.Request.EnableBuffering();
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
            context.Request.Body.Position = 0;
            server!.Record(new RecordedRequest(DateTimeOffset.UtcNow, context.Request.Method, context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "", body));
            if (server.TakeScripted(context.Request.Method, context.Request.Path.Value ?? "") is { } answer)
            {
                if (answer.Delay is { } delay)
                {
                    // A client that gives up first aborts the request; then there is nobody to answer.
                    try
                    {
                        await Task.Delay(delay, context.RequestAborted);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }

                context.Response.StatusCode = answer.Status;
                if (answer.RetryAfter is not null)
                {
                    context.Response.Headers.RetryAfter = answer.RetryAfter;
                }

                await context.Response.WriteAsync(answer.Body, context.RequestAborted);
                return;
            }

            await next(context);
        });
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new ContractServer(app, new Uri(address));
        return server;
    }

    /// <summary>The next <paramref name="times"/> requests to <paramref name="method"/> <paramref name="path"/> get this answer (after <paramref name="delay"/>) instead of the contract's.</summary>
    public void AnswerNext(string method, string path, int status, string body = "", string? retryAfter = null, int times = 1, TimeSpan? delay = null)
    {
        lock (this.script)
        {
            for (var i = 0; i < times; i++)
            {
                this.script.Add(new ScriptedAnswer(method, path, status, body, retryAfter, delay));
            }
        }
    }

    /// <summary>Settings for a provider section pointed at <paramref name="servers"/> in order, with <paramref name="overrides"/> last.</summary>
    public static IConfiguration Settings(
        string section, IEnumerable<Uri> servers, IDictionary<string, string?> values, IDictionary<string, string?>? overrides = null)
    {
        var all = new Dictionary<string, string?>(values);
        foreach (var (server, i) in servers.Select((s, i) => (s, i)))
        {
            all[$"{section}:BaseUrls:{i}"] = server.ToString();
        }

        foreach (var setting in overrides ?? new Dictionary<string, string?>())
        {
            all[setting.Key] = setting.Value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(all).Build();
    }

    public IEnumerable<RecordedRequest> To(string method, string path) =>
        this.Requests.Where(r => r.Method == method && r.Path == path);

    public async ValueTask DisposeAsync()
    {
        await this.app.StopAsync();
        await this.app.DisposeAsync();
    }

    private void Record(RecordedRequest request)
    {
        lock (this.requests)
        {
            this.requests.Add(request);
        }
    }

    private ScriptedAnswer? TakeScripted(string method, string path)
    {
        lock (this.script)
        {
            var index = this.script.FindIndex(s => s.Method == method && s.Path == path);
            if (index < 0)
            {
                return null;
            }

            var answer = this.script[index];
            this.script.RemoveAt(index);
            return answer;
        }
    }

    private sealed record ScriptedAnswer(string Method, string Path, int Status, string Body, string? RetryAfter, TimeSpan? Delay);
}

internal sealed record RecordedRequest(DateTimeOffset At, string Method, string Path, string Query, string Body);
