using VideoPipeline.Serialization;

namespace VideoPipeline.Workflow.Orchestration;

/// <summary>The end state of one orchestration instance.</summary>
public sealed record OrchestrationResult(
    string InstanceId,
    string Name,
    OrchestrationRuntimeStatus RuntimeStatus,
    string? SerializedOutput,
    string? SerializedCustomStatus,
    TaskFailureDetails? FailureDetails,
    DateTime CreatedAt,
    DateTime LastUpdatedAt,
    IReadOnlyList<HistoryEvent> History)
{
    public T ReadOutput<T>() => PipelineJson.Deserialize<T>(this.SerializedOutput ?? "null");

    public T? ReadCustomStatus<T>()
        where T : class =>
        this.SerializedCustomStatus is null ? null : PipelineJson.Deserialize<T>(this.SerializedCustomStatus);
}
