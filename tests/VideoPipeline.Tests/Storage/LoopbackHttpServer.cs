using System.Net;
using System.Net.Sockets;

namespace VideoPipeline.Tests.Storage;

/// <summary>
/// A tiny HTTP peer on 127.0.0.1 that answers from a script (one response per request, the last one repeated)
/// and records what it received: a fake network peer for retry and auth behaviour, not a storage mock.
/// </summary>
internal sealed class LoopbackHttpServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Func<int, HttpListenerResponse, byte[]?> respond;
    private readonly List<(DateTimeOffset At, string Method, string Path, string? Authorization)> requests = [];

    public LoopbackHttpServer(Func<int, HttpListenerResponse, byte[]?> respond)
    {
        this.respond = respond;
        this.Port = FreePort();
        this.listener.Prefixes.Add($"http://127.0.0.1:{this.Port}/");
        this.listener.Start();
        _ = Task.Run(this.ServeAsync);
    }

    /// <summary>Azurite's well-known account key (public by design).</summary>
    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public int Port { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentAccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{this.Port}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{this.Port}/devstoreaccount1";

    public IReadOnlyList<(DateTimeOffset At, string Method, string Path, string? Authorization)> Requests
    {
        get
        {
            lock (this.requests)
            {
                return [.. this.requests];
            }
        }
    }

    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public void Dispose() => this.listener.Close();

    private async Task ServeAsync()
    {
        while (this.listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await this.listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            int index;
            lock (this.requests)
            {
                index = this.requests.Count;
                this.requests.Add((DateTimeOffset.UtcNow, context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.Headers["Authorization"]));
            }

            await context.Request.InputStream.CopyToAsync(Stream.Null);
            var body = this.respond(index, context.Response);
            if (body is not null)
            {
                context.Response.ContentLength64 = body.Length;
                await context.Response.OutputStream.WriteAsync(body);
            }

            context.Response.Close();
        }
    }
}
