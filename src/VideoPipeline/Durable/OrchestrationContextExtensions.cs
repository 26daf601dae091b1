using Microsoft.DurableTask;

namespace VideoPipeline.Durable;

public static class OrchestrationContextExtensions
{
    /// <summary>
    /// Calls <typeparamref name="TActivity"/> by its registered name. The constraint ties the input and output
    /// types to the activity's own, so a typed call helper cannot drift from the activity it calls.
    /// </summary>
    public static Task<TOutput> CallActivityAsync<TActivity, TInput, TOutput>(this TaskOrchestrationContext context, TInput input, TaskOptions? options = null)
        where TActivity : TaskActivity<TInput, TOutput> =>
        context.CallActivityAsync<TOutput>(TaskNames.Of<TActivity>(), input, options);

    /// <inheritdoc cref="CallActivityAsync{TActivity, TInput, TOutput}"/>
    public static Task<TOutput> CallSubOrchestratorAsync<TOrchestrator, TInput, TOutput>(this TaskOrchestrationContext context, TInput input, TaskOptions? options = null)
        where TOrchestrator : TaskOrchestrator<TInput, TOutput> =>
        context.CallSubOrchestratorAsync<TOutput>(TaskNames.Of<TOrchestrator>(), input, options);
}
