namespace VideoPipeline.Host.Api.Limits;

/// <summary>
/// Per-owner token bucket for every keyed request. Bound from <c>Api:RateLimit</c>. A caller may burst
/// up to <see cref="TokenLimit"/> requests, then sustain <see cref="TokensPerPeriod"/> per <see cref="ReplenishmentPeriod"/>.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "Api:RateLimit";

    /// <summary>False turns the limiter off (benchmarks, a trusted single tenant).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The bucket's size: the burst a quiet caller may send at once.</summary>
    public int TokenLimit { get; set; } = 100;

    public int TokensPerPeriod { get; set; } = 20;

    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);
}
