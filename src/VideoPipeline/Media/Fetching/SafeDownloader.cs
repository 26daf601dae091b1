using System.Buffers;
using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Registry;
using VideoPipeline.Resilience;

namespace VideoPipeline.Media.Fetching;

/// <inheritdoc cref="ISafeDownloader"/>
public sealed class SafeDownloader : ISafeDownloader, IDisposable
{
    private const int BufferSize = 64 * 1024;

    private readonly DownloadOptions options;
    private readonly ResiliencePipelineRegistry<string> pipelines = new();
    private readonly HttpClient http;
    private readonly ILogger logger;

    public SafeDownloader(IOptions<DownloadOptions> options, ILogger<SafeDownloader>? logger = null)
        : this(options, DestinationPolicy.PublicInternetOnly, logger)
    {
    }

    internal SafeDownloader(IOptions<DownloadOptions> options, DestinationPolicy policy, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;

        // The outbound policy, one circuit per host; a refused destination is never retried. Every hop of a
        // redirect is its own request through it, so each is checked by the guarded handler underneath.
        var resilience = new ResilienceHandler(request => this.pipelines.GetOrAddPipeline<HttpResponseMessage>(
            request.RequestUri!.GetLeftPart(UriPartial.Authority),
            pipeline => pipeline.AddOutboundPolicy(this.options, permanent: e => GuardedHttp.Unwrap(e) is not null)))
        {
            InnerHandler = GuardedHttp.CreateHandler(policy, this.options.ConnectTimeout),
        };
        this.http = GuardedHttp.CreateClient(resilience);
        this.logger = logger ?? NullLogger.Instance;
    }

    public async Task<DownloadResult> DownloadToFileAsync(Uri url, string path, DownloadLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var maxBytes = limits?.MaxBytes ?? this.options.MaxBytes;
        using var clock = new Deadlines(this.options, limits?.Timeout ?? this.options.Timeout, cancellationToken);
        return await this.GuardAsync(url, clock, async () =>
        {
            var (response, finalUri) = await this.SendAsync(HttpMethod.Get, url, clock);
            using (response)
            {
                var host = GuardedHttp.HostOf(finalUri);
                if (response.Content.Headers.ContentLength is { } declared && declared > maxBytes)
                {
                    throw new DownloadTooLargeException(host, maxBytes, declared);
                }

                var full = Path.GetFullPath(path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);

                // Same folder, so the rename is atomic and a reader never sees half a file under the real name.
                var temp = $"{full}.{Guid.NewGuid():N}.part";
                try
                {
                    var (bytes, sha256) = await CopyAsync(response, temp, maxBytes, host, clock);
                    File.Move(temp, full, overwrite: true);
                    this.logger.Downloaded(host, bytes);
                    return new DownloadResult(finalUri, response.Content.Headers.ContentType?.ToString(), bytes, sha256);
                }
                catch
                {
                    File.Delete(temp);
                    throw;
                }
            }
        });
    }

    public async Task<DownloadProbe> ProbeAsync(Uri url, CancellationToken cancellationToken = default)
    {
        using var clock = new Deadlines(this.options, this.options.Timeout, cancellationToken);
        return await this.GuardAsync(url, clock, async () =>
        {
            var (response, finalUri) = await this.SendAsync(HttpMethod.Head, url, clock);
            using (response)
            {
                return new DownloadProbe(finalUri, response.Content.Headers.ContentType?.ToString(), response.Content.Headers.ContentLength);
            }
        });
    }

    public void Dispose()
    {
        this.http.Dispose();
        this.pipelines.Dispose();
    }

    private static async Task<(long Bytes, string Sha256)> CopyAsync(HttpResponseMessage response, string temp, long maxBytes, string host, Deadlines clock)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using var body = await response.Content.ReadAsStreamAsync(clock.Token);
            await using var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
            long total = 0;
            int read;
            while ((read = await ReadAsync(body, buffer, host, clock.Token)) > 0)
            {
                total += read;

                // Servers omit Content-Length (chunked) or send more than they said: count what arrives.
                if (total > maxBytes)
                {
                    throw new DownloadTooLargeException(host, maxBytes, declaredBytes: null);
                }

                clock.Progressed(read);
                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), clock.Token);
            }

            return (total, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Only network read failures become DownloadFailedException; a disk failure stays an IOException.
    private static async ValueTask<int> ReadAsync(Stream body, byte[] buffer, string host, CancellationToken cancellationToken)
    {
        try
        {
            return await body.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            throw new DownloadFailedException(host, null, $"the connection failed while reading the body ({e.Message})", e);
        }
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    /// <summary>Sends <paramref name="method"/>, following redirects by hand so every hop's URL and address is checked.</summary>
    private async Task<(HttpResponseMessage Response, Uri FinalUri)> SendAsync(HttpMethod method, Uri url, Deadlines clock)
    {
        var current = url;
        for (var redirects = 0; ; redirects++)
        {
            GuardedHttp.ValidateUrl(current, this.options.HttpsOnly);
            var host = GuardedHttp.HostOf(current);
            clock.Restart();
            HttpResponseMessage response;
            using (var request = new HttpRequestMessage(method, current))
            {
                try
                {
                    response = await this.http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, clock.Token);
                }
                catch (HttpRequestException e)
                {
                    throw GuardedHttp.Unwrap(e) ?? new DownloadFailedException(host, null, $"could not connect ({e.Message})", e);
                }
                catch (BrokenCircuitException e)
                {
                    throw new DownloadFailedException(host, null, "it failed repeatedly just now; not calling it again for a while", e);
                }
            }

            if (!IsRedirect(response.StatusCode))
            {
                if (response.IsSuccessStatusCode)
                {
                    return (response, current);
                }

                response.Dispose();
                throw new DownloadFailedException(host, response.StatusCode, $"the server answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            var location = response.Headers.Location;
            response.Dispose();
            if (location is null)
            {
                throw new DownloadFailedException(host, response.StatusCode, $"the server answered {(int)response.StatusCode} without a Location");
            }

            if (redirects >= this.options.MaxRedirects)
            {
                throw new DownloadRefusedException(host, $"more than {this.options.MaxRedirects} redirects");
            }

            current = location.IsAbsoluteUri ? location : new Uri(current, location);
            var target = GuardedHttp.HostOf(current);
            this.logger.Redirected(host, target, redirects + 1);
        }
    }

    /// <summary>Turns a timeout into <see cref="DownloadTimedOutException"/> and logs refusals.</summary>
    private async Task<T> GuardAsync<T>(Uri url, Deadlines clock, Func<Task<T>> download)
    {
        try
        {
            return await download();
        }
        catch (OperationCanceledException e) when (!clock.CallerCancelled)
        {
            throw new DownloadTimedOutException(GuardedHttp.HostOf(url), clock.WhyTimedOut(e));
        }
        catch (DownloadRefusedException e)
        {
            this.logger.Refused(e.Host, e.Reason);
            throw;
        }
    }

    /// <summary>
    /// The overall deadline plus the progress timer: <see cref="DownloadOptions.MinProgressBytes"/> must arrive
    /// within every <see cref="DownloadOptions.ProgressTimeout"/>, or the token fires.
    /// </summary>
    private sealed class Deadlines : IDisposable
    {
        private readonly DownloadOptions options;
        private readonly TimeSpan timeout;
        private readonly CancellationToken caller;
        private readonly CancellationTokenSource overall;
        private readonly CancellationTokenSource progress = new();
        private readonly CancellationTokenSource either;
        private long sinceProgress;

        public Deadlines(DownloadOptions options, TimeSpan timeout, CancellationToken caller)
        {
            this.options = options;
            this.timeout = timeout;
            this.caller = caller;
            this.overall = CancellationTokenSource.CreateLinkedTokenSource(caller);
            this.overall.CancelAfter(timeout);
            this.either = CancellationTokenSource.CreateLinkedTokenSource(this.overall.Token, this.progress.Token);
            this.Restart();
        }

        public CancellationToken Token => this.either.Token;

        public bool CallerCancelled => this.caller.IsCancellationRequested;

        public void Restart()
        {
            this.sinceProgress = 0;
            this.progress.CancelAfter(this.options.ProgressTimeout);
        }

        public void Progressed(int bytes)
        {
            this.sinceProgress += bytes;
            if (this.sinceProgress >= this.options.MinProgressBytes)
            {
                this.Restart();
            }
        }

        public string WhyTimedOut(OperationCanceledException e)
        {
            if (this.overall.IsCancellationRequested)
            {
                return $"the download took longer than {this.timeout}";
            }

            return this.progress.IsCancellationRequested
                ? $"fewer than {this.options.MinProgressBytes} bytes arrived within {this.options.ProgressTimeout}"
                : $"no connection within {this.options.ConnectTimeout} ({e.Message})";
        }

        public void Dispose()
        {
            this.either.Dispose();
            this.progress.Dispose();
            this.overall.Dispose();
        }
    }
}
