using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using VideoPipeline.Media.Fetching;

namespace VideoPipeline.Tests.TestSupport;

/// <summary>A real Kestrel server on 127.0.0.1 and a free port, answering every request with <paramref name="handler"/>.</summary>
internal sealed class KestrelLoopbackServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private int requests;

    private KestrelLoopbackServer(WebApplication app) => this.app = app;

    public IPEndPoint EndPoint { get; private set; } = null!;

    public Uri BaseUri => new($"http://127.0.0.1:{this.EndPoint.Port}/");

    public int Requests => Volatile.Read(ref this.requests);

    /// <summary>A policy allowing exactly this server's endpoint, and nothing else on the machine.</summary>
    public DestinationPolicy Policy => DestinationPolicy.AllowingTestEndpoints(this.EndPoint);

    public static async Task<KestrelLoopbackServer> StartAsync(RequestDelegate handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new KestrelLoopbackServer(app);
        app.Run(context =>
        {
            Interlocked.Increment(ref server.requests);
            return handler(context);
        });
        await app.StartAsync();
        server.EndPoint = new IPEndPoint(IPAddress.Loopback, new Uri(app.Urls.Single()).Port);
        return server;
    }

    public Uri Url(string pathAndQuery) => new(this.BaseUri, pathAndQuery);

    public async ValueTask DisposeAsync()
    {
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await this.app.StopAsync(grace.Token);
        await this.app.DisposeAsync();
    }
}
