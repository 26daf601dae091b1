namespace VideoPipeline.Durable;

/// <summary>Options for one scheduled task (Durable's <c>TaskOptions</c>).</summary>
public record TaskOptions(RetryPolicy? Retry = null)
{
    public static TaskOptions FromRetryPolicy(RetryPolicy policy) => new(policy);
}

/// <summary>Options for a sub-orchestration: its instance id (derived from the parent's when null).</summary>
public sealed record SubOrchestrationOptions(string? InstanceId = null, RetryPolicy? Retry = null) : TaskOptions(Retry);

/// <summary>
/// Durable's retry policy: up to <see cref="MaxNumberOfAttempts"/> attempts, waiting
/// <see cref="FirstRetryInterval"/> × <see cref="BackoffCoefficient"/>^(n-1), capped at
/// <see cref="MaxRetryInterval"/>. <see cref="Handle"/> decides which failures are retried at all.
/// </summary>
public sealed record RetryPolicy(
    int MaxNumberOfAttempts,
    TimeSpan FirstRetryInterval,
    double BackoffCoefficient = 1.0,
    TimeSpan? MaxRetryInterval = null)
{
    public Func<TaskFailureDetails, bool> Handle { get; init; } = static f => !f.IsNonRetriable;

    /// <summary>Delay before attempt <paramref name="nextAttempt"/> (2 = first retry).</summary>
    public TimeSpan DelayBefore(int nextAttempt)
    {
        var delay = this.FirstRetryInterval.TotalMilliseconds * Math.Pow(this.BackoffCoefficient, nextAttempt - 2);
        var capped = Math.Min(delay, (this.MaxRetryInterval ?? TimeSpan.FromHours(6)).TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped);
    }
}
