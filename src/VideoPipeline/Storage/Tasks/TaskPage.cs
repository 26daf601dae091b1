namespace VideoPipeline.Storage.Tasks;

/// <summary>One page of tasks; <see cref="ContinuationToken"/> is null on the last page.</summary>
public sealed record TaskPage(IReadOnlyList<TaskRecord> Items, string? ContinuationToken);
