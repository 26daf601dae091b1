using System.Globalization;
using System.Net;
using System.Text.Json;
using global::Azure.Core;
using global::Azure.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain;

namespace VideoPipeline.Providers.AzureOpenAI;

/// <summary>
/// Sends Azure OpenAI calls over raw HTTP, because failover between deployments, retry and per-attempt
/// timeouts are easier to hold in one loop than to bend the SDK's pipeline to. Each attempt carries an
/// api-key or an Entra token. A 429 or quota error moves to the next deployment (when every one is
/// throttled it waits, honouring Retry-After, and starts again from the first); 5xx, 408, timeouts and
/// network failures are retried on the same deployment with backoff. A content-filter refusal is a
/// permanent CONTENT_REJECTED; any other 4xx is a permanent PROVIDER_REJECTED naming the call.
/// </summary>
public sealed class AzureOpenAIClient
{
    private readonly HttpClient http;
    private readonly AzureOpenAIOptions options;
    private readonly EntraTokenSource tokens;
    private readonly ILogger logger;
    private readonly TimeProvider clock;

    /// <param name="credential">For deployments without a key; null for DefaultAzureCredential, created on first use.</param>
    public AzureOpenAIClient(
        HttpClient http,
        IOptions<AzureOpenAIOptions> options,
        TokenCredential? credential = null,
        ILogger<AzureOpenAIClient>? logger = null,
        TimeProvider? clock = null)
    {
        this.http = http;
        this.options = options.Value;
        this.tokens = new EntraTokenSource(() => credential ?? DefaultCredential(this.options));
        this.logger = logger ?? (ILogger)NullLogger.Instance;
        this.clock = clock ?? TimeProvider.System;
    }

    public string Currency => this.options.Currency;

    /// <summary>Sends the call until it succeeds or fails for good; the caller disposes the response.</summary>
    /// <exception cref="PermanentPipelineException">Content filter (CONTENT_REJECTED) or another 4xx (PROVIDER_REJECTED).</exception>
    /// <exception cref="TransientPipelineException">Still throttled, failing or unreachable after the configured retries.</exception>
    public async Task<AzureOpenAIResponse> SendAsync(AzureOpenAICall call, CancellationToken cancellationToken)
    {
        if (call.Deployments.Count == 0)
        {
            throw new PermanentPipelineException(ErrorCodes.ProviderRejected, $"Azure OpenAI {call.Operation}: no deployment is configured");
        }

        var started = this.clock.GetTimestamp();
        var index = 0;
        var failures = 0;
        while (true)
        {
            var deployment = call.Deployments[index];
            var attempt = await this.TryAsync(call, deployment, cancellationToken);
            if (attempt.Response is { } response)
            {
                return new AzureOpenAIResponse(response, deployment, this.clock.GetElapsedTime(started));
            }

            if (attempt.Throttled && index + 1 < call.Deployments.Count)
            {
                index++;
                this.logger.FailingOver(call.Operation, attempt.Problem, call.Deployments[index].Label);
                continue;
            }

            if (++failures > this.options.MaxRetries)
            {
                throw new TransientPipelineException($"Azure OpenAI {call.Operation} failed after {failures} attempts: {attempt.Problem}");
            }

            var delay = attempt.RetryAfter ?? this.Backoff(failures);
            delay = delay > this.options.MaxRetryDelay ? this.options.MaxRetryDelay : delay;
            this.logger.Retrying(call.Operation, attempt.Problem, failures, delay);

            // Every deployment is throttled: after the wait the preferred one is the best bet again.
            if (attempt.Throttled)
            {
                index = 0;
            }

            await Task.Delay(delay, this.clock, cancellationToken);
        }
    }

    /// <summary>Sends the call and parses its JSON body, which must be an object.</summary>
    /// <exception cref="TransientPipelineException">The body is not a JSON object; the message names the call.</exception>
    public async Task<AzureOpenAIJson> SendForJsonAsync(AzureOpenAICall call, CancellationToken cancellationToken)
    {
        using var response = await this.SendAsync(call, cancellationToken);
        var text = await response.Message.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException($"expected an object, got {document.RootElement.ValueKind}");
            }

            return new AzureOpenAIJson(document.RootElement.Clone(), response.Deployment, response.Elapsed, RetryAfter(response.Message));
        }
        catch (JsonException e)
        {
            throw new TransientPipelineException(
                $"Azure OpenAI {call.Operation} ({response.Deployment.Label}) answered {(int)response.Message.StatusCode} with malformed JSON ({e.Message}); body starts '{Snippet(text)}'",
                e);
        }
    }

    /// <summary>For a well-formed answer that lacks what the contract promises.</summary>
    public static TransientPipelineException UnexpectedAnswer(string operation, AzureOpenAIDeployment deployment, string problem) =>
        new($"Azure OpenAI {operation} ({deployment.Label}) gave an unexpected answer: {problem}");

    private async Task<Attempt> TryAsync(AzureOpenAICall call, AzureOpenAIDeployment deployment, CancellationToken cancellationToken)
    {
        using var request = call.CreateRequest(deployment);
        await this.AuthorizeAsync(request, deployment, cancellationToken);

        HttpResponseMessage response;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(call.Timeout);
            try
            {
                response = await this.http.SendAsync(request, call.Completion, timeout.Token);
            }
            catch (Exception e) when ((e is HttpRequestException or IOException or OperationCanceledException) && !cancellationToken.IsCancellationRequested)
            {
                var problem = e is OperationCanceledException
                    ? $"{deployment.Label} did not answer within {call.Timeout}"
                    : $"{deployment.Label} is unreachable ({e.Message})";
                return new Attempt(null, Throttled: false, RetryAfter: null, problem);
            }
        }

        if (response.IsSuccessStatusCode || call.AlsoSuccessful.Contains(response.StatusCode))
        {
            return new Attempt(response, Throttled: false, RetryAfter: null, string.Empty);
        }

        using (response)
        {
            var error = AzureOpenAIError.Parse(await ReadBodyAsync(response, cancellationToken));
            var status = (int)response.StatusCode;
            var problem = $"{deployment.Label} answered {status} {error.Code ?? response.ReasonPhrase}: {error.Message}".TrimEnd(' ', ':');
            if (response.StatusCode == HttpStatusCode.TooManyRequests || (response.StatusCode == HttpStatusCode.Forbidden && error.IsQuota))
            {
                return new Attempt(null, Throttled: true, RetryAfter(response), problem);
            }

            if (error.IsContentFilter)
            {
                throw new PermanentPipelineException(
                    ErrorCodes.ContentRejected,
                    $"Azure OpenAI {call.Operation} was refused by the content filter ({deployment.Label}, {error.InnerCode ?? error.Code}): {error.Message}");
            }

            if (IsTransient(response.StatusCode))
            {
                return new Attempt(null, Throttled: false, RetryAfter(response), problem);
            }

            throw new PermanentPipelineException(ErrorCodes.ProviderRejected, $"Azure OpenAI {call.Operation} failed: {problem}");
        }
    }

    private async ValueTask AuthorizeAsync(HttpRequestMessage request, AzureOpenAIDeployment deployment, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(deployment.ApiKey))
        {
            request.Headers.TryAddWithoutValidation("api-key", deployment.ApiKey);
            return;
        }

        var token = await this.tokens.GetTokenAsync(this.clock, cancellationToken);
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout
        || ((int)status >= 500 && status is not (HttpStatusCode.NotImplemented or HttpStatusCode.HttpVersionNotSupported));

    /// <summary>Azure sends retry-after-ms (and x-ms-retry-after-ms) besides the standard Retry-After.</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        foreach (var name in (string[])["retry-after-ms", "x-ms-retry-after-ms"])
        {
            if (response.Headers.TryGetValues(name, out var values)
                && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms >= 0)
            {
                return TimeSpan.FromMilliseconds(ms);
            }
        }

        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? (date > DateTimeOffset.UtcNow ? date - DateTimeOffset.UtcNow : TimeSpan.Zero) : null;
    }

    private static async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return string.Empty;
        }
    }

    private static string Snippet(string text)
    {
        var flat = text.ReplaceLineEndings(" ").Trim();
        return flat.Length > 80 ? flat[..80] + "…" : flat;
    }

    private static DefaultAzureCredential DefaultCredential(AzureOpenAIOptions options) =>
        new(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = string.IsNullOrEmpty(options.ManagedIdentityClientId) ? null : options.ManagedIdentityClientId,
        });

    // Exponential with ±20 % jitter, so parallel scene calls do not retry in lockstep.
    private TimeSpan Backoff(int failures)
    {
        var exponential = this.options.RetryDelay.TotalMilliseconds * Math.Pow(2, failures - 1);
        return TimeSpan.FromMilliseconds(exponential * (0.8 + (Random.Shared.NextDouble() * 0.4)));
    }

    private readonly record struct Attempt(HttpResponseMessage? Response, bool Throttled, TimeSpan? RetryAfter, string Problem);
}
