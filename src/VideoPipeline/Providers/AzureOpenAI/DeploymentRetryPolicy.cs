using System.ClientModel.Primitives;
using System.Globalization;

namespace VideoPipeline.Providers.AzureOpenAI;

/// <summary>
/// The SDK's retry policy, tuned for deployment failover: it retries what a retry on the same deployment can fix
/// (5xx, 408, timeouts, network failures) with exponential backoff or the service's Retry-After, and leaves 429
/// and quota errors to <see cref="AzureOpenAIRouter"/>, which moves to the next deployment instead of waiting.
/// </summary>
internal sealed class DeploymentRetryPolicy(AzureOpenAIOptions options) : ClientRetryPolicy(options.MaxRetries)
{
    protected override bool ShouldRetry(PipelineMessage message, Exception? exception) =>
        !IsThrottled(message, exception) && base.ShouldRetry(message, exception);

    protected override ValueTask<bool> ShouldRetryAsync(PipelineMessage message, Exception? exception) =>
        ValueTask.FromResult(this.ShouldRetry(message, exception));

    protected override TimeSpan GetNextDelay(PipelineMessage message, int tryCount)
    {
        var delay = RetryAfter(message.Response) ?? Backoff(options.RetryDelay, tryCount);
        return delay > options.MaxRetryDelay ? options.MaxRetryDelay : delay;
    }

    /// <summary>Azure sends retry-after-ms (and x-ms-retry-after-ms) besides the standard Retry-After (seconds or a date).</summary>
    public static TimeSpan? RetryAfter(PipelineResponse? response)
    {
        if (response is null)
        {
            return null;
        }

        foreach (var name in (string[])["retry-after-ms", "x-ms-retry-after-ms"])
        {
            if (response.Headers.TryGetValue(name, out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0)
            {
                return TimeSpan.FromMilliseconds(value);
            }
        }

        if (!response.Headers.TryGetValue("Retry-After", out var header) || string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        if (double.TryParse(header, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(header, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? (date > DateTimeOffset.UtcNow ? date - DateTimeOffset.UtcNow : TimeSpan.Zero)
            : null;
    }

    /// <summary>Exponential with ±20 % jitter, so parallel scene calls do not retry in lockstep.</summary>
    public static TimeSpan Backoff(TimeSpan first, int attempt) =>
        TimeSpan.FromMilliseconds(first.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1)) * (0.8 + (Random.Shared.NextDouble() * 0.4)));

    /// <summary>A 429, or a 403 whose error says quota: another deployment may have room.</summary>
    public static bool IsThrottled(PipelineResponse response) =>
        response.Status == 429 || (response.Status == 403 && AzureOpenAIError.Parse(ErrorBody(response)).IsQuota);

    /// <summary>An error response's body, read into memory even when the call streams (error bodies are small).</summary>
    public static string ErrorBody(PipelineResponse response)
    {
        try
        {
            return response.BufferContent().ToString();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or OperationCanceledException)
        {
            return string.Empty;
        }
    }

    private static bool IsThrottled(PipelineMessage message, Exception? exception) =>
        exception is null && message.Response is { } response && IsThrottled(response);
}
