using Microsoft.DurableTask;
using VideoPipeline.Domain;
using VideoPipeline.Durable;
using VideoPipeline.Workflow.Contracts;

namespace VideoPipeline.Workflow;

/// <summary>
/// The activity retry policy of every workflow (seed 002): 3 attempts, 5 s first, doubling, at most 5 min, from the
/// settings captured at submit. Permanent failures (bad input, rejected content, a tool that fails the same way on the
/// same input, a poisoned delivery) are not retried.
/// </summary>
public static class PipelineRetry
{
    public static TaskOptions From(OrchestrationSettings settings) => TaskOptions.FromRetryPolicy(new RetryPolicy(
        settings.RetryMaxAttempts,
        TimeSpan.FromSeconds(settings.RetryFirstIntervalSeconds),
        backoffCoefficient: 2.0,
        maxRetryInterval: TimeSpan.FromSeconds(settings.RetryMaxIntervalSeconds))
    {
        HandleFailure = IsWorthRetrying,
    });

    public static bool IsWorthRetrying(TaskFailureDetails failure) => !IsPermanent(failure);

    public static bool IsPermanent(TaskFailureDetails failure) =>
        failure.IsNonRetriable() || failure.Is<PermanentPipelineException>() || failure.Is<Durable.Activities.ActivityPoisonedException>();
}
