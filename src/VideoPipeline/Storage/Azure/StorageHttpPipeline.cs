using System.Globalization;
using System.Net;
using System.Xml.Linq;
using Microsoft.Extensions.Logging;

namespace VideoPipeline.Storage.Azure;

/// <summary>
/// Sends one logical Blob or Queue request: stamps date, version and client request id, authorizes it,
/// retries transient failures (5xx, 408, 429, network) with backoff that honours Retry-After, and turns
/// refusals into <see cref="StorageRequestException"/> carrying the service's error code.
/// </summary>
internal sealed class StorageHttpPipeline(
    string service,
    Uri endpoint,
    HttpClient http,
    IStorageRequestAuthorizer authorizer,
    StorageOptions options,
    ILogger logger)
{
    public const string ApiVersion = "2021-08-06";

    public string Service => service;

    public Uri Endpoint => endpoint;

    /// <summary>
    /// Sends the request built by <paramref name="createRequest"/> (called once per attempt, because a sent
    /// request cannot be sent again) and returns the successful response, which the caller disposes.
    /// </summary>
    /// <param name="maxRetries">Overrides the configured retries, e.g. 0 for a health probe that must answer once and fast.</param>
    public async Task<HttpResponseMessage> SendAsync(
        Func<HttpRequestMessage> createRequest,
        CancellationToken cancellationToken,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead,
        int? maxRetries = null)
    {
        var retries = maxRetries ?? options.MaxRetries;
        for (var attempt = 1; ; attempt++)
        {
            using var request = createRequest();
            request.Headers.TryAddWithoutValidation("x-ms-date", DateTimeOffset.UtcNow.ToString("R", CultureInfo.InvariantCulture));
            request.Headers.TryAddWithoutValidation("x-ms-version", ApiVersion);
            request.Headers.TryAddWithoutValidation("x-ms-client-request-id", Guid.NewGuid().ToString());
            await authorizer.AuthorizeAsync(request, cancellationToken);

            HttpResponseMessage response;
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                timeout.CancelAfter(options.TryTimeout);
                try
                {
                    response = await http.SendAsync(request, completion, timeout.Token);
                }
                catch (Exception e) when (IsNetworkFailure(e) && !cancellationToken.IsCancellationRequested)
                {
                    var reason = e is OperationCanceledException ? $"no answer within {options.TryTimeout}" : e.Message;
                    if (attempt > retries)
                    {
                        throw new StorageUnavailableException(this.UnreachableMessage(reason), e);
                    }

                    var delay = this.Backoff(attempt);
                    logger.RetryingFailure(service, request.Method.Method, request.RequestUri!.AbsolutePath, reason, attempt, delay);
                    await Task.Delay(delay, cancellationToken);
                    continue;
                }
            }

            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            using (response)
            {
                if (IsTransient(response.StatusCode) && attempt <= retries)
                {
                    var delay = RetryAfter(response) ?? this.Backoff(attempt);
                    delay = delay > options.MaxRetryDelay ? options.MaxRetryDelay : delay;
                    logger.RetryingStatus(service, request.Method.Method, request.RequestUri!.AbsolutePath, response.StatusCode, attempt, delay);
                    await Task.Delay(delay, cancellationToken);
                    continue;
                }

                throw await this.RefusalAsync(request, response, cancellationToken);
            }
        }
    }

    internal static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
        || ((int)status >= 500 && status is not (HttpStatusCode.NotImplemented or HttpStatusCode.HttpVersionNotSupported));

    private static bool IsNetworkFailure(Exception e) => e is HttpRequestException or IOException or OperationCanceledException;

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? Max(date - DateTimeOffset.UtcNow, TimeSpan.Zero) : null;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    // Exponential with ±20 % jitter so parallel block uploads do not retry in lockstep.
    private TimeSpan Backoff(int attempt)
    {
        var exponential = options.RetryDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        var jittered = exponential * (0.8 + (Random.Shared.NextDouble() * 0.4));
        return TimeSpan.FromMilliseconds(Math.Min(jittered, options.MaxRetryDelay.TotalMilliseconds));
    }

    private string UnreachableMessage(string reason)
    {
        var local = endpoint.IsLoopback
            ? " Locally this is Azurite: start it with scripts/emulators.sh start (./run.sh and ./test.sh start it for you)."
            : string.Empty;
        return $"The {service} service at {endpoint} is not reachable ({reason}).{local}";
    }

    private async Task<StorageRequestException> RefusalAsync(
        HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var code = response.Headers.TryGetValues("x-ms-error-code", out var codes) ? codes.FirstOrDefault() : null;
        string? detail = null;
        if (request.Method != HttpMethod.Head)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            (code, detail) = ParseError(body, code);
        }

        var message = $"{service} {request.Method} {request.RequestUri!.AbsolutePath} failed with {(int)response.StatusCode} {code ?? response.ReasonPhrase}";
        return new StorageRequestException(response.StatusCode, code, detail is null ? message : $"{message}: {detail}");
    }

    private static (string? Code, string? Detail) ParseError(string body, string? code)
    {
        if (string.IsNullOrWhiteSpace(body) || !body.TrimStart().StartsWith('<'))
        {
            return (code, null);
        }

        try
        {
            var error = XDocument.Parse(body).Root;
            var detail = error?.Element("Message")?.Value.Split('\n')[0].Trim();
            return (code ?? error?.Element("Code")?.Value, detail);
        }
        catch (System.Xml.XmlException)
        {
            return (code, null);
        }
    }
}
