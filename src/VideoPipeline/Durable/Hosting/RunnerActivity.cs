using DurableTask.Core;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection;
using VideoPipeline.Durable.Activities;

namespace VideoPipeline.Durable.Hosting;

/// <summary>
/// One activity as the Durable Task Framework sees it: each delivery goes through <see cref="ActivityRunner"/>, which
/// creates the activity in its own scope and runs it through the Microsoft.DurableTask shim. A delivery stopped by
/// shutdown is abandoned (back to the queue at once); a failure keeps its exception for <see cref="FailureDetailsMiddleware"/>.
/// </summary>
internal sealed class RunnerActivity(string name, Type activityType, ActivityRunner runner, DurableTaskShimFactory shims) : TaskActivity
{
    public override string Run(TaskContext context, string input) => throw new NotSupportedException("Activities run asynchronously");

    public override async Task<string?> RunAsync(TaskContext context, string? input)
    {
        var invocation = new ActivityInvocation(name, context.OrchestrationInstance.InstanceId, context.OrchestrationInstance.ExecutionId, context.TaskId);
        try
        {
            return await runner.RunAsync(invocation, activityType, services =>
            {
                var activity = (Microsoft.DurableTask.ITaskActivity)ActivatorUtilities.CreateInstance(services, activityType);
                return shims.CreateActivity(name, activity).RunAsync(context, input);
            });
        }
        catch (ActivityHandedBackException e)
        {
            throw new SessionAbortedException(e.Message, e);
        }
        catch (Exception e)
        {
            FailureDetailsMiddleware.Keep(e);
            throw;
        }
    }
}
