using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using VideoPipeline.Host.Api;
using VideoPipeline.Host.Api.Auth;
using VideoPipeline.Media.Fetching;
using VideoPipeline.Tests.TestSupport;

namespace VideoPipeline.Tests.Api;

/// <summary>
/// The real API (Kestrel on a free loopback port) with its worker, on the emulators with a private
/// container prefix, task hub and scratch folder; two owners with their own keys.
/// </summary>
public sealed class ApiTestHost : IAsyncDisposable
{
    public const string AliceKey = "alice-key-0123456789abcdef";
    public const string BobKey = "bob-key-0123456789abcdef";

    private readonly TempDirectory root;

    private ApiTestHost(WebApplication app, Uri baseAddress, string prefix, TempDirectory root)
    {
        this.root = root;
        this.App = app;
        this.BaseAddress = baseAddress;
        this.ContainerPrefix = prefix;
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public string ContainerPrefix { get; }

    public T Get<T>()
        where T : notnull => this.App.Services.GetRequiredService<T>();

    /// <param name="allowedEndpoints">Loopback servers (webhook receivers, media servers) the SSRF guard lets this host reach.</param>
    public static async Task<ApiTestHost> StartAsync(IDictionary<string, string?>? settings = null, params IPEndPoint[] allowedEndpoints)
    {
        await Emulators.EnsureStartedAsync();
        var prefix = Emulators.UniquePrefix();
        var port = VideoPipeline.Tests.Storage.LoopbackHttpServer.FreePort();
        var root = new TempDirectory();
        var values = VideoPipeline.Tests.Durable.DurableTestHost.Settings(TestServices.HubOf(prefix));
        values["Api:Urls"] = $"http://127.0.0.1:{port}";
        values["Api:Keys:0"] = "alice:" + AliceKey;
        values["Api:Keys:1"] = "bob:" + BobKey;
        values["Storage:ContainerPrefix"] = prefix;
        values["Pipeline:WorkDirectory"] = root.File("work");
        foreach (var setting in settings ?? new Dictionary<string, string?>())
        {
            values[setting.Key] = setting.Value;
        }

        var app = ApiHost.Build(
            values,
            services => services.AddSingleton(allowedEndpoints.Length == 0 ? DestinationPolicy.PublicInternetOnly : DestinationPolicy.AllowingTestEndpoints(allowedEndpoints)));
        await app.StartAsync();
        return new ApiTestHost(app, new Uri($"http://127.0.0.1:{port}"), prefix, root);
    }

    /// <summary>A client sending <paramref name="key"/> (none when null).</summary>
    public HttpClient Client(string? key = AliceKey)
    {
        var client = new HttpClient { BaseAddress = this.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key);
        }

        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await this.App.StopAsync();
        await this.Get<VideoPipeline.Durable.Hosting.TaskHubMaintenance>().DeleteAsync(CancellationToken.None);
        var blobs = this.Get<Azure.Storage.Blobs.BlobServiceClient>();
        foreach (var container in VideoPipeline.Storage.AssetContainers.All)
        {
            await blobs.GetBlobContainerClient(this.ContainerPrefix + container).DeleteIfExistsAsync();
        }

        await this.App.DisposeAsync();
        this.root.Dispose();
    }
}
