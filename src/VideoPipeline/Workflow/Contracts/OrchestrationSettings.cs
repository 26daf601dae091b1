namespace VideoPipeline.Workflow.Contracts;

/// <summary>
/// Configuration the orchestrator needs, captured into its input when the job starts. Orchestrators
/// never read configuration themselves: a replay after a config change must decide the same way.
/// </summary>
public sealed record OrchestrationSettings(
    double NarrationLeadSeconds = 0.25,
    double NarrationTailSeconds = 0.2,
    int RetryMaxAttempts = 3,
    double RetryFirstIntervalSeconds = 5,
    double RetryMaxIntervalSeconds = 300)
{
    public static OrchestrationSettings From(PipelineOptions options) => new(
        options.NarrationLeadSeconds,
        options.NarrationTailSeconds,
        options.RetryMaxAttempts,
        options.RetryFirstInterval.TotalSeconds,
        options.RetryMaxInterval.TotalSeconds);
}
