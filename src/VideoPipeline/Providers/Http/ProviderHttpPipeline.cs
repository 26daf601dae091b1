using Microsoft.Extensions.Logging;
using VideoPipeline.Domain;
using VideoPipeline.Storage.Azure;

namespace VideoPipeline.Providers.Http;

/// <summary>
/// Sends one logical call to an HTTP provider. Each attempt has its own timeout. A transient failure
/// (unreachable, timeout, 408, 429, 5xx) moves on to the next configured server at once; when every
/// server failed, the pipeline pauses (Retry-After when sent, else exponential backoff) and goes round
/// again from the preferred one, at most <see cref="HttpProviderOptions.MaxRetries"/> more times, then
/// throws <see cref="TransientPipelineException"/>. Any other answer, success or refusal, is returned
/// for the client to read against its contract.
/// </summary>
internal sealed class ProviderHttpPipeline(
    string service,
    string section,
    IHttpClientFactory httpClients,
    HttpProviderOptions options,
    TimeProvider time,
    ILogger logger)
{
    public string Service => service;

    /// <param name="operation">Named in errors and logs, e.g. "POST /prompt".</param>
    /// <param name="createRequest">Builds the request for a server; called once per attempt, because a sent request cannot be sent again.</param>
    /// <param name="server">Only this server: a job lives on the server that accepted it.</param>
    public async Task<ProviderResponse> SendAsync(
        string operation,
        Func<Uri, HttpRequestMessage> createRequest,
        CancellationToken cancellationToken,
        Uri? server = null,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        IReadOnlyList<Uri> servers = server is null ? options.Servers(section) : [server];
        var http = httpClients.CreateClient(section);
        var failures = new List<string>();
        for (var round = 0; ; round++)
        {
            TimeSpan? retryAfter = null;
            foreach (var baseUrl in servers)
            {
                using var request = createRequest(baseUrl);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(options.RequestTimeout);
                HttpResponseMessage response;
                try
                {
                    response = await http.SendAsync(request, completion, timeout.Token);
                }
                catch (Exception e) when ((e is HttpRequestException or IOException or OperationCanceledException) && !cancellationToken.IsCancellationRequested)
                {
                    var reason = e is OperationCanceledException ? $"no answer within {options.RequestTimeout}" : e.Message;
                    failures.Add($"{baseUrl}: {reason}");
                    logger.ProviderAttemptFailed(service, operation, baseUrl, reason, round + 1);
                    continue;
                }

                // The same statuses the storage client retries.
                if (!StorageHttpPipeline.IsTransient(response.StatusCode))
                {
                    return new ProviderResponse(service, operation, baseUrl, response);
                }

                using (response)
                {
                    if (RetryAfter(response, time) is { } after && (retryAfter is null || after > retryAfter))
                    {
                        retryAfter = after;
                    }

                    failures.Add($"{baseUrl}: {(int)response.StatusCode} {response.ReasonPhrase}");
                    logger.ProviderAttemptFailed(service, operation, baseUrl, $"{(int)response.StatusCode} {response.ReasonPhrase}", round + 1);
                }
            }

            if (round >= options.MaxRetries)
            {
                throw new TransientPipelineException(
                    $"{service} {operation} failed on every server, {round + 1} time(s); last: {string.Join("; ", failures.TakeLast(servers.Count))}");
            }

            var delay = retryAfter ?? this.Backoff(round + 1);
            await Task.Delay(delay > options.MaxRetryDelay ? options.MaxRetryDelay : delay, time, cancellationToken);
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? TimeSpan.FromTicks(Math.Max((date - time.GetUtcNow()).Ticks, 0)) : null;
    }

    // Exponential with ±20 % jitter so parallel scenes do not retry in lockstep.
    private TimeSpan Backoff(int attempt)
    {
        var exponential = options.RetryDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        return TimeSpan.FromMilliseconds(exponential * (0.8 + (Random.Shared.NextDouble() * 0.4)));
    }
}
