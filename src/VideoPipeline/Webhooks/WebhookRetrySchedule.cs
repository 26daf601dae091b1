namespace VideoPipeline.Webhooks;

/// <summary>
/// When to try a failed webhook again: Standard Webhooks' example schedule (immediately, 5 s, 5 min, 30 min,
/// 2 h, 5 h, 10 h, 14 h, …) with ±10 % jitter so failed deliveries to one receiver do not return in lockstep,
/// cut at <see cref="Window"/> after the first attempt; the last retry lands at the end of the window.
/// With no jitter that is attempts at 0, 5 s, 5 min 5 s, 35 min 5 s, 2 h 35 min, 7 h 35 min, 17 h 35 min and 24 h.
/// </summary>
public static class WebhookRetrySchedule
{
    public const double Jitter = 0.1;

    /// <summary>The wait before attempt n+1 (index n); index 0 is the first attempt, sent immediately.</summary>
    public static IReadOnlyList<TimeSpan> Delays { get; } =
    [
        TimeSpan.Zero,
        TimeSpan.FromSeconds(5),
        TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(2),
        TimeSpan.FromHours(5),
        TimeSpan.FromHours(10),
        TimeSpan.FromHours(14),
        TimeSpan.FromHours(20),
        TimeSpan.FromHours(24),
    ];

    /// <summary>No attempt is made later than this after the first.</summary>
    public static TimeSpan Window { get; } = TimeSpan.FromHours(24);

    /// <summary>How long to wait before the next attempt; null when the message should be given up.</summary>
    /// <param name="attemptsMade">Attempts made so far, all failed (1 after the first).</param>
    /// <param name="sinceFirstAttempt">Time from the first attempt to now.</param>
    /// <param name="retryAfter">The receiver's Retry-After, honoured when longer than the schedule.</param>
    /// <param name="randomSample">A uniform sample in [0, 1) for the jitter; 0.5 means none.</param>
    public static TimeSpan? NextDelay(int attemptsMade, TimeSpan sinceFirstAttempt, TimeSpan? retryAfter, double randomSample) =>
        NextDelay(Delays, Window, attemptsMade, sinceFirstAttempt, retryAfter, randomSample);

    /// <summary>The same rules over another schedule (a configured one; short ones in tests).</summary>
    /// <param name="delays">The wait before attempt n+1 at index n; index 0 (the first attempt) is not used.</param>
    /// <param name="window">No attempt is made later than this after the first.</param>
    public static TimeSpan? NextDelay(
        IReadOnlyList<TimeSpan> delays, TimeSpan window, int attemptsMade, TimeSpan sinceFirstAttempt, TimeSpan? retryAfter, double randomSample)
    {
        ArgumentNullException.ThrowIfNull(delays);
        ArgumentOutOfRangeException.ThrowIfLessThan(attemptsMade, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(randomSample, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(randomSample, 1.0);
        var remaining = window - sinceFirstAttempt;
        if (attemptsMade >= delays.Count || remaining <= TimeSpan.Zero)
        {
            return null;
        }

        var delay = delays[attemptsMade] * (1 - Jitter + (2 * Jitter * randomSample));
        if (retryAfter is { } hint && hint > delay)
        {
            delay = hint;
        }

        return delay < remaining ? delay : remaining;
    }

    public static TimeSpan? NextDelay(int attemptsMade, TimeSpan sinceFirstAttempt, TimeSpan? retryAfter = null) =>
        NextDelay(attemptsMade, sinceFirstAttempt, retryAfter, Random.Shared.NextDouble());
}
