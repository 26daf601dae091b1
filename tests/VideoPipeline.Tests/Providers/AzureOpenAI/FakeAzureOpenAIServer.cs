using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace VideoPipeline.Tests.Providers.AzureOpenAI;

/// <summary>
/// A loopback Kestrel server that speaks the documented Azure OpenAI contracts (chat, moderations, audio,
/// Sora 1 jobs, Sora 2 videos) with real media, and can be told to misbehave first: a network peer for the
/// clients under test, not a mock of our code. It records every request it gets. The SDK calls chat and
/// transcription on deployment routes (<c>/openai/deployments/{name}/…?api-version=…</c>): those are served
/// and recorded under their v1 path, with the deployment name kept as <see cref="RecordedRequest.Deployment"/>.
/// </summary>
internal sealed partial class FakeAzureOpenAIServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly List<RecordedRequest> requests = [];
    private readonly List<Fault> faults = [];

    private FakeAzureOpenAIServer(WebApplication app) => this.app = app;

    /// <summary>Like https://resource.openai.azure.com: the clients add /openai/v1.</summary>
    public string Endpoint => this.app.Urls.First();

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

    public static async Task<FakeAzureOpenAIServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var server = new FakeAzureOpenAIServer(builder.Build());
        server.app.Use(server.RecordAndMisbehaveAsync);
        server.app.UseRouting();
        server.MapChat();
        server.MapAudio();
        server.MapSora1();
        server.MapSora2();
        await server.app.StartAsync();
        return server;
    }

    public IReadOnlyList<RecordedRequest> RequestsTo(string path) => this.Requests.Where(r => r.Path == path).ToList();

    /// <summary>The next <paramref name="times"/> requests to exactly <paramref name="path"/> get this answer instead.</summary>
    public void Fail(string path, int status, string? body = null, int times = 1, string? retryAfter = null, TimeSpan? delay = null, bool abortBody = false)
    {
        lock (this.faults)
        {
            this.faults.Add(new Fault(path, status, body, times, retryAfter, delay, abortBody));
        }
    }

    public static string Error(string code, string message, string? innerCode = null) =>
        JsonSerializer.Serialize(new
        {
            error = innerCode is null ? (object)new { code, message } : new { code, message, innererror = new { code = innerCode } },
        });

    public async ValueTask DisposeAsync()
    {
        await this.app.StopAsync();
        await this.app.DisposeAsync();
    }

    private async Task RecordAndMisbehaveAsync(HttpContext context, Func<Task> next)
    {
        var request = context.Request;
        var deployment = DeploymentRoute().Match(request.Path.Value ?? string.Empty) is { Success: true } route ? route.Groups[1].Value : null;
        if (deployment is not null)
        {
            request.Path = "/openai/v1/" + DeploymentRoute().Match(request.Path.Value!).Groups[2].Value;
        }

        Dictionary<string, List<string>>? form = null;
        var body = Array.Empty<byte>();
        if (request.HasFormContentType)
        {
            var read = await request.ReadFormAsync(context.RequestAborted);
            form = read.ToDictionary(f => f.Key, f => f.Value.Select(v => v ?? string.Empty).ToList());
            foreach (var file in read.Files)
            {
                form[file.Name] = [file.FileName, file.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)];
            }
        }
        else
        {
            request.EnableBuffering();
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, context.RequestAborted);
            request.Body.Position = 0;
            body = buffer.ToArray();
        }

        lock (this.requests)
        {
            this.requests.Add(new RecordedRequest(
                DateTimeOffset.UtcNow, request.Method, request.Path.Value ?? string.Empty, request.QueryString.Value ?? string.Empty,
                request.Headers["api-key"].FirstOrDefault(), request.Headers.Authorization.FirstOrDefault(), body, form) { Deployment = deployment });
        }

        if (this.TakeFault(request.Path.Value ?? string.Empty) is { } fault)
        {
            await WriteFaultAsync(context, fault);
            return;
        }

        await next();
    }

    private Fault? TakeFault(string path)
    {
        lock (this.faults)
        {
            var index = this.faults.FindIndex(f => f.Path == path);
            if (index < 0)
            {
                return null;
            }

            var fault = this.faults[index];
            this.faults[index] = fault with { Times = fault.Times - 1 };
            if (fault.Times <= 1)
            {
                this.faults.RemoveAt(index);
            }

            return fault;
        }
    }

    private static async Task WriteFaultAsync(HttpContext context, Fault fault)
    {
        if (fault.Delay is { } delay)
        {
            try
            {
                await Task.Delay(delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = fault.Status;
        if (fault.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = fault.RetryAfter;
        }

        if (fault.AbortBody)
        {
            // Promise a body, send a little of it, then drop the connection.
            context.Response.ContentLength = 1_000_000;
            await context.Response.Body.WriteAsync(new byte[1000]);
            await context.Response.Body.FlushAsync();

            // Let the headers arrive first: the client must see a body that breaks off, not a refused request.
            await Task.Delay(300);
            context.Abort();
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(fault.Body ?? Error(fault.Status.ToString(System.Globalization.CultureInfo.InvariantCulture), "injected failure"));
    }

    [System.Text.RegularExpressions.GeneratedRegex("^/openai/deployments/([^/]+)/(.+)$")]
    private static partial System.Text.RegularExpressions.Regex DeploymentRoute();

    private sealed record Fault(string Path, int Status, string? Body, int Times, string? RetryAfter, TimeSpan? Delay, bool AbortBody);
}

/// <summary>What the fake server received: JSON bodies as bytes, multipart forms as fields (files as name and length).</summary>
internal sealed record RecordedRequest(
    DateTimeOffset At, string Method, string Path, string Query, string? ApiKey, string? Authorization, byte[] Body, Dictionary<string, List<string>>? Form)
{
    /// <summary>The deployment named in a deployment route (the SDK's chat and transcription calls); null on v1 routes.</summary>
    public string? Deployment { get; init; }

    public JsonElement Json
    {
        get
        {
            using var document = JsonDocument.Parse(this.Body);
            return document.RootElement.Clone();
        }
    }
}
