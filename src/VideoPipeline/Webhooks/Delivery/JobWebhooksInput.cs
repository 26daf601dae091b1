namespace VideoPipeline.Webhooks.Delivery;

/// <summary>
/// Where a job's <see cref="DeliverJobWebhooksOrchestrator"/> stands: the next sequence number to deliver and the
/// settings captured when it started (orchestrators never read configuration).
/// </summary>
/// <param name="NextSequence">The lowest sequence number not yet handled.</param>
/// <param name="IdlePoll">How long to wait for a new event before reading the log again (a missed wake-up costs at most this).</param>
/// <param name="GapWait">How long an event waits for a missing earlier one before it is sent without it.</param>
public sealed record JobWebhooksInput(
    string OwnerId,
    string JobId,
    long NextSequence,
    IReadOnlyList<TimeSpan> Schedule,
    TimeSpan RetryWindow,
    TimeSpan IdlePoll,
    TimeSpan GapWait)
{
    /// <summary>When the log was first seen holding a later event but not <see cref="NextSequence"/>.</summary>
    public DateTime? GapSince { get; init; }

    /// <summary>The event whose delivery the receiver answered 410 Gone: later events are recorded as not sent.</summary>
    public string? DisabledBy { get; init; }
}

/// <summary>The job's lowest logged event from <paramref name="FromSequence"/> on.</summary>
public sealed record FindNextWebhookEventInput(string OwnerId, string JobId, long FromSequence);

public sealed record NextWebhookEvent(string EventId, long Sequence, string Type, DateTimeOffset OccurredAt);
