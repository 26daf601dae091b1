namespace VideoPipeline.Durable;

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
    /// <summary>How payloads were serialized; reads them back.</summary>
    public DataConverter Converter { get; init; } = JsonDataConverter.Default;

    public T ReadOutput<T>() => this.Converter.Deserialize<T>(this.SerializedOutput);

    public T? ReadCustomStatus<T>()
        where T : class =>
        this.SerializedCustomStatus is null ? null : this.Converter.Deserialize<T>(this.SerializedCustomStatus);
}
