namespace VideoPipeline.Jobs;

/// <summary>
/// Receives every job event after the task record has taken it (the event log and webhooks).
/// Called at least once per event: implementations key their writes by <see cref="JobEvent.EventId"/>.
/// </summary>
public interface IJobEventSink
{
    Task PublishAsync(JobEvent jobEvent, CancellationToken cancellationToken);
}
