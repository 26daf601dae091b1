using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace VideoPipeline.Resilience;

/// <summary>
/// The one resilience policy for outbound HTTP (providers, ComfyUI, Whisper servers, the SSRF-safe downloader), built
/// with Microsoft.Extensions.Http.Resilience: retries of transient failures honouring Retry-After, a circuit breaker
/// per server, and a timeout per attempt. Azure SDK clients keep the SDK's own retry policy; webhook delivery keeps
/// its durable schedule and has none of this.
/// </summary>
public static class OutboundResilience
{
    /// <summary>Adds retry (outermost), circuit breaker and the per-attempt timeout (innermost, when given).</summary>
    /// <param name="permanent">Failures that no retry can fix and that say nothing about the server (e.g. a refused destination).</param>
    public static ResiliencePipelineBuilder<HttpResponseMessage> AddOutboundPolicy(
        this ResiliencePipelineBuilder<HttpResponseMessage> builder, OutboundHttpOptions options, TimeSpan? attemptTimeout = null, Func<Exception, bool>? permanent = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var transient = new Func<Outcome<HttpResponseMessage>, ValueTask<bool>>(outcome => ValueTask.FromResult(IsTransient(outcome, permanent)));
        builder.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(1, options.MaxRetries),
            Delay = options.RetryDelay,
            MaxDelay = options.MaxRetryDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldRetryAfterHeader = true,
            ShouldHandle = options.MaxRetries == 0 ? _ => ValueTask.FromResult(false) : args => transient(args.Outcome),
        });
        builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = options.CircuitFailureRatio,
            MinimumThroughput = options.CircuitMinimumThroughput,
            SamplingDuration = options.CircuitSamplingDuration,
            BreakDuration = options.CircuitBreakDuration,
            ShouldHandle = args => transient(args.Outcome),
        });
        if (attemptTimeout is { } timeout)
        {
            builder.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = timeout });
        }

        return builder;
    }

    /// <summary>
    /// Worth another attempt: the server did not answer (network failure, attempt timeout) or answered 408, 429 or
    /// 5xx (but 501 and 505, which say the request can never work). An open circuit is not retried: it fails fast.
    /// </summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome, Func<Exception, bool>? permanent = null)
    {
        if (outcome.Exception is { } error)
        {
            return error is HttpRequestException or TimeoutRejectedException && !(permanent?.Invoke(error) ?? false);
        }

        return outcome.Result is { } response && IsTransient(response.StatusCode);
    }

    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
        || ((int)status >= 500 && status is not (HttpStatusCode.NotImplemented or HttpStatusCode.HttpVersionNotSupported));

    /// <summary>The failures this policy itself raises: an open circuit, or an attempt that ran out of time.</summary>
    public static bool IsRejection(Exception error) => error is BrokenCircuitException or TimeoutRejectedException;
}
