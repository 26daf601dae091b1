using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using VideoPipeline.Durable;
using VideoPipeline.Durable.Activities;
using VideoPipeline.Tests.Workflow.Orchestration;
using VideoPipeline.Workflow;

namespace VideoPipeline.Tests.Durable;

[DurableTask(nameof(ThrowsPoisoned))]
public sealed class ThrowsPoisoned(CallLog log) : TaskActivity<string, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, string key)
    {
        log.Increment(key);
        throw new ActivityPoisonedException("Something", 3);
    }
}

[DurableTask(nameof(RetriesPoisoned))]
public sealed class RetriesPoisoned : TaskOrchestrator<string, int>
{
    public override Task<int> RunAsync(TaskOrchestrationContext context, string key) =>
        context.CallActivityAsync<ThrowsPoisoned, string, int>(key, PipelineRetry.From(new VideoPipeline.Workflow.Contracts.OrchestrationSettings(RetryFirstIntervalSeconds: 1)));
}

/// <summary>A poisoned delivery is final: the workflows' retry policy does not try it again.</summary>
public sealed class PoisonRetryTests
{
    [Fact]
    public async Task Poisoned_activity_is_not_retried_by_the_workflow_retry_policy()
    {
        await using var host = await DurableTestHost.StartAsync(r => r.AddOrchestrator<RetriesPoisoned>().AddActivity<ThrowsPoisoned>());
        var key = Guid.NewGuid().ToString("N");

        var result = await host.RunAsync(nameof(RetriesPoisoned), key);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(1, host.Get<CallLog>().Count(key));
        Assert.Equal(typeof(ActivityPoisonedException).FullName, result.FailureDetails!.InnerFailure?.ErrorType);
    }
}
