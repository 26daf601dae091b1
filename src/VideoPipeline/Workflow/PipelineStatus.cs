namespace VideoPipeline.Workflow;

/// <summary>The orchestration's custom status: what clients see while a job runs.</summary>
/// <param name="Progress">0–100, never decreasing.</param>
/// <param name="EventSequence">
/// The sequence number of the last job event the orchestration has emitted (perhaps not recorded yet): an event
/// recorded from outside (a cancel, a stage timeout) is numbered after it, so the two never share a number.
/// </param>
public sealed record PipelineStatus(string Stage, int Progress, string? Message = null, PipelineError? Error = null, long EventSequence = 0);
