namespace VideoPipeline.Durable;

public interface ITaskActivity
{
    Type InputType { get; }

    Task<object?> RunAsync(ActivityContext context, object? input);
}

/// <summary>
/// Base class for activities. Activities run at least once, so they must be idempotent:
/// deterministic or content-addressed output names, writes that replace rather than append.
/// </summary>
public abstract class TaskActivity<TInput, TOutput> : ITaskActivity
{
    public Type InputType => typeof(TInput);

    public abstract Task<TOutput> RunAsync(ActivityContext context, TInput input);

    async Task<object?> ITaskActivity.RunAsync(ActivityContext context, object? input) =>
        await this.RunAsync(context, (TInput)input!);
}

/// <summary>What an activity knows about its own execution.</summary>
public sealed class ActivityContext(string name, string instanceId, CancellationToken cancellationToken, IProgress<double>? progress = null)
{
    public string Name { get; } = name;

    public string InstanceId { get; } = instanceId;

    /// <summary>Cancelled when the orchestration is terminated or the host shuts down.</summary>
    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>0–100 within this activity; surfaced to clients as fine-grained progress.</summary>
    public IProgress<double> Progress { get; } = progress ?? new Progress<double>();
}
