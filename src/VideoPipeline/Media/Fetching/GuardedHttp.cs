using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace VideoPipeline.Media.Fetching;

/// <summary>
/// The HTTP plumbing shared by everything that calls user-supplied URLs (downloads, webhooks): a URL check
/// and a handler whose ConnectCallback resolves the host once, checks every address against the
/// <see cref="DestinationPolicy"/> and connects to exactly the address it checked, so DNS rebinding between
/// check and connect is impossible.
/// </summary>
internal static class GuardedHttp
{
    public static readonly ProductInfoHeaderValue UserAgent = new("VideoFunctions", "1.0");

    public static HttpClient CreateClient(DestinationPolicy policy, TimeSpan connectTimeout) => CreateClient(CreateHandler(policy, connectTimeout));

    /// <summary>A client over <paramref name="handler"/> (the guarded handler, or a chain ending in it).</summary>
    public static HttpClient CreateClient(HttpMessageHandler handler)
    {
        // HTTP/3 runs over QUIC, which does not go through ConnectCallback: never negotiate it.
        var client = new HttpClient(handler)
        {
            Timeout = Timeout.InfiniteTimeSpan,
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        client.DefaultRequestHeaders.UserAgent.Add(UserAgent);
        return client;
    }

    /// <summary>The handler that checks every address it connects to; it never follows redirects, uses no proxy and no cookies.</summary>
    public static SocketsHttpHandler CreateHandler(DestinationPolicy policy, TimeSpan connectTimeout) =>
        new()
        {
            // Redirects are followed (or not) by the caller, which checks every hop.
            AllowAutoRedirect = false,

            // A proxy would resolve and connect on our behalf, past the address check.
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = connectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = (context, cancellationToken) => ConnectAsync(policy, context.DnsEndPoint, cancellationToken),
        };

    /// <summary>How a URL is named in messages: its host, never the path or query (they may carry tokens).</summary>
    public static string HostOf(Uri url) => url.IsAbsoluteUri && url.Host.Length > 0 ? url.Host : "(no host)";

    /// <summary>Refuses what no request may carry: other schemes, credentials, no host.</summary>
    public static void ValidateUrl(Uri url, bool httpsOnly)
    {
        ArgumentNullException.ThrowIfNull(url);
        var host = HostOf(url);
        if (!url.IsAbsoluteUri)
        {
            throw new DownloadRefusedException(host, "the URL is not absolute");
        }

        if (url.Scheme != Uri.UriSchemeHttps && (httpsOnly || url.Scheme != Uri.UriSchemeHttp))
        {
            throw new DownloadRefusedException(host, httpsOnly ? $"only https URLs are allowed, not {url.Scheme}" : $"only http and https URLs are allowed, not {url.Scheme}");
        }

        if (url.UserInfo.Length > 0)
        {
            throw new DownloadRefusedException(host, "URLs with credentials (user@host) are not allowed");
        }

        if (url.Host.Length == 0)
        {
            throw new DownloadRefusedException(host, "the URL has no host");
        }
    }

    /// <summary>The <see cref="DownloadException"/> behind an HttpClient failure (ConnectCallback throws are wrapped), if any.</summary>
    public static DownloadException? Unwrap(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is DownloadException download)
            {
                return download;
            }
        }

        return null;
    }

    private static async ValueTask<Stream> ConnectAsync(DestinationPolicy policy, DnsEndPoint endpoint, CancellationToken cancellationToken)
    {
        var host = endpoint.Host;
        var addresses = await ResolveAsync(host, cancellationToken);

        // Every address must pass, not just the first: a name must not mix public and internal records.
        foreach (var address in addresses)
        {
            if (policy.WhyRefused(address, endpoint.Port) is { } reason)
            {
                var shown = IPAddress.TryParse(host.Trim('[', ']'), out _) ? "it is" : $"it resolves to {address},";
                throw new DownloadRefusedException(host, $"{shown} {reason}");
            }
        }

        SocketException? last = null;
        foreach (var address in addresses)
        {
            var target = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
            var socket = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(target, endpoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        // Literals are taken as they are (Uri has already normalised 0x7f.1, 2130706433 and friends to 127.0.0.1).
        var literal = Uri.UnescapeDataString(host.Trim('[', ']'));
        if (IPAddress.TryParse(literal, out var address))
        {
            return [address];
        }

        if (literal.Contains(':', StringComparison.Ordinal))
        {
            throw new DownloadRefusedException(host, "the address cannot be parsed");
        }

        var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
        return addresses.Length > 0 ? addresses : throw new SocketException((int)SocketError.HostNotFound);
    }
}
