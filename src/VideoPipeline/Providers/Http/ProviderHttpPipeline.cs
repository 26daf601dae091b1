using Microsoft.Extensions.Logging;
using VideoPipeline.Domain;
using VideoPipeline.Resilience;

namespace VideoPipeline.Providers.Http;

/// <summary>
/// Sends one logical call to an HTTP provider, failing over between its servers. Each server is called through
/// the client's resilience policy (<see cref="OutboundResilience"/>: retries honouring Retry-After, a circuit per
/// server, a timeout per attempt); when a server still fails transiently, or its circuit is open, the next one is
/// tried. When none answers, <see cref="TransientPipelineException"/> names every failure. Any other answer, success
/// or refusal, is returned for the client to read against its contract.
/// </summary>
internal sealed class ProviderHttpPipeline(
    string service,
    string section,
    IHttpClientFactory httpClients,
    HttpProviderOptions options,
    ILogger logger)
{
    public string Service => service;

    /// <param name="operation">Named in errors and logs, e.g. "POST /prompt".</param>
    /// <param name="createRequest">Builds the request for a server.</param>
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
        foreach (var baseUrl in servers)
        {
            using var request = createRequest(baseUrl);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, completion, cancellationToken);
            }
            catch (Exception e) when ((e is HttpRequestException or IOException || OutboundResilience.IsRejection(e)) && !cancellationToken.IsCancellationRequested)
            {
                var reason = e switch
                {
                    Polly.CircuitBreaker.BrokenCircuitException => "its circuit is open after repeated failures",
                    Polly.Timeout.TimeoutRejectedException => $"no answer within {options.RequestTimeout}",
                    _ => e.Message,
                };
                failures.Add($"{baseUrl}: {reason}");
                logger.ProviderServerFailed(service, operation, baseUrl, reason);
                continue;
            }

            if (!OutboundResilience.IsTransient(response.StatusCode))
            {
                return new ProviderResponse(service, operation, baseUrl, response);
            }

            using (response)
            {
                var reason = $"{(int)response.StatusCode} {response.ReasonPhrase}";
                failures.Add($"{baseUrl}: {reason}");
                logger.ProviderServerFailed(service, operation, baseUrl, reason);
            }
        }

        throw new TransientPipelineException($"{service} {operation} failed on every server: {string.Join("; ", failures)}");
    }
}
