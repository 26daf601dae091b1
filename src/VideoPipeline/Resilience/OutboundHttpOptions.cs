namespace VideoPipeline.Resilience;

/// <summary>
/// How one outbound HTTP client retries and when it stops calling a server that keeps failing. The client's own
/// section adds its timeouts (e.g. <c>ComfyUI:MaxRetries</c>, <c>Downloads:CircuitBreakDuration</c>).
/// </summary>
public abstract class OutboundHttpOptions
{
    /// <summary>Retries of an attempt that failed transiently (unreachable, 408, 429, 5xx), on the same server.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's delay; each next one doubles with jitter, up to <see cref="MaxRetryDelay"/>. Retry-After wins when sent.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The circuit to a server opens when at least this share of its attempts failed within <see cref="CircuitSamplingDuration"/>…</summary>
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>…out of at least this many attempts.</summary>
    public int CircuitMinimumThroughput { get; set; } = 6;

    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>While open, calls to that server fail at once; afterwards one trial call decides whether it closes again.</summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
