namespace VideoPipeline.Webhooks.Delivery;

/// <summary>When failed webhook deliveries are tried again. Bound from the <c>Webhooks:Delivery</c> section.</summary>
public sealed class WebhookDeliveryOptions
{
    public const string Section = "Webhooks:Delivery";

    /// <summary>
    /// The waits before the second, third, … attempt (±10 % jitter; a longer Retry-After wins). Empty means
    /// the Standard Webhooks schedule of <see cref="WebhookRetrySchedule.Delays"/>.
    /// </summary>
    public List<TimeSpan> RetryDelays { get; set; } = [];

    /// <summary>No attempt is made later than this after the event (a redelivery: after its first attempt); the last one is made at its end.</summary>
    public TimeSpan RetryWindow { get; set; } = WebhookRetrySchedule.Window;

    /// <summary>A job's delivery reads its event log at least this often while it waits for the next event.</summary>
    public TimeSpan IdlePoll { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long an event waits for a missing earlier one before it is sent anyway (the earlier one was lost).</summary>
    public TimeSpan GapWait { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The schedule as <see cref="WebhookRetrySchedule.NextDelay(IReadOnlyList{TimeSpan}, TimeSpan, int, TimeSpan, TimeSpan?, double)"/> takes it.</summary>
    public IReadOnlyList<TimeSpan> Schedule() => this.RetryDelays.Count == 0 ? WebhookRetrySchedule.Delays : [TimeSpan.Zero, .. this.RetryDelays];
}
