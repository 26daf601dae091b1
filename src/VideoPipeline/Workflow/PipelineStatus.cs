namespace VideoPipeline.Workflow;

/// <summary>The orchestration's custom status: what clients see while a job runs.</summary>
/// <param name="Progress">0–100, never decreasing.</param>
public sealed record PipelineStatus(string Stage, int Progress, string? Message = null, PipelineError? Error = null);
