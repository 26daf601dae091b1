using VideoPipeline.Resilience;

namespace VideoPipeline.Providers.Http;

/// <summary>
/// How a client reaches an HTTP provider (a ComfyUI or Whisper container): the servers to try in order, the
/// per-attempt timeout, and the retries and circuit breaker of <see cref="OutboundHttpOptions"/>. Derived classes
/// add the provider's own settings and a <c>Section</c>.
/// </summary>
public abstract class HttpProviderOptions : OutboundHttpOptions
{
    /// <summary>Servers in order of preference; the next one is tried when one still fails after its retries, or its circuit is open.</summary>
    public IList<string> BaseUrls { get; set; } = [];

    /// <summary>How long one attempt may take (headers and JSON bodies; downloads have their own limit).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    internal IReadOnlyList<Uri> Servers(string section)
    {
        var servers = new List<Uri>();
        foreach (var text in this.BaseUrls.Where(u => !string.IsNullOrWhiteSpace(u)))
        {
            // A trailing slash makes relative paths append instead of replacing the last segment.
            var withSlash = text.Trim().EndsWith('/') ? text.Trim() : text.Trim() + "/";
            if (!Uri.TryCreate(withSlash, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new Domain.PermanentPipelineException(
                    ProviderErrorCodes.Misconfigured, $"{section}:BaseUrls has '{text}', which is not an http(s) URL");
            }

            servers.Add(uri);
        }

        return servers.Count > 0
            ? servers
            : throw new Domain.PermanentPipelineException(ProviderErrorCodes.Misconfigured, $"{section}:BaseUrls is empty: no server to call");
    }
}
