using Microsoft.AspNetCore.Http;
using VideoPipeline.Storage;
using VideoPipeline.Tests.TestSupport;

namespace VideoPipeline.Tests.Api.Tasks;

/// <summary>
/// A loopback media host for task inputs: <c>/files/{name}</c> serves a registered file (GET and HEAD, with
/// Content-Length), <c>/chunked/{name}</c> the same without a length (HEAD cannot tell the size),
/// <c>/redirect?to=…</c> answers 302 to anywhere (to test that each hop is checked again).
/// </summary>
internal sealed class MediaServer : IAsyncDisposable
{
    private readonly Dictionary<string, string> files = new(StringComparer.Ordinal);

    private KestrelLoopbackServer server = null!;

    public KestrelLoopbackServer Server => this.server;

    public static async Task<MediaServer> StartAsync(TaskTestMedia.Files media)
    {
        var host = new MediaServer();
        foreach (var path in new[] { media.SpokenVideo, media.SquareVideo, media.SilentVideo, media.Speech, media.Music, media.Junk, media.Big })
        {
            host.files[Path.GetFileName(path)] = path;
        }

        host.server = await KestrelLoopbackServer.StartAsync(host.HandleAsync);
        return host;
    }

    public Uri File(string path) => this.server.Url("files/" + Path.GetFileName(path));

    public Uri Chunked(string path) => this.server.Url("chunked/" + Path.GetFileName(path));

    public Uri Redirect(string to) => this.server.Url("redirect?to=" + Uri.EscapeDataString(to));

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (path == "/redirect")
        {
            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = context.Request.Query["to"].ToString();
            return;
        }

        var chunked = path.StartsWith("/chunked/", StringComparison.Ordinal);
        var name = path[(path.IndexOf('/', 1) + 1)..];
        if (!(chunked || path.StartsWith("/files/", StringComparison.Ordinal)) || !this.files.TryGetValue(name, out var file))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.ContentType = ContentTypes.FromExtension(file);
        context.Response.ContentLength = chunked ? null : new FileInfo(file).Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.SendFileAsync(file);
        }
    }

    public ValueTask DisposeAsync() => this.server.DisposeAsync();
}
