namespace VideoPipeline.Durable;

public interface ITaskOrchestrator
{
    Type InputType { get; }

    Task<object?> RunAsync(IOrchestrationContext context, object? input);
}

/// <summary>Base class for orchestrators, as in durabletask-dotnet.</summary>
public abstract class TaskOrchestrator<TInput, TOutput> : ITaskOrchestrator
{
    public Type InputType => typeof(TInput);

    public abstract Task<TOutput> RunAsync(IOrchestrationContext context, TInput input);

    async Task<object?> ITaskOrchestrator.RunAsync(IOrchestrationContext context, object? input) =>
        await this.RunAsync(context, (TInput)input!);
}
