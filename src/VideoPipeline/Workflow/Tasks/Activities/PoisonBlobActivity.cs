using VideoPipeline.Workflow.Tasks.Trigger;
using Microsoft.DurableTask;
using VideoPipeline.Durable.Activities;

namespace VideoPipeline.Workflow.Tasks.Activities;

/// <summary>A blob whose attempts ran out: see <see cref="BlobPoisoner"/>.</summary>
[DurableTask("PoisonBlob")]
public sealed class PoisonBlobActivity(BlobPoisoner poisoner, ActivityExecution execution) : TaskActivity<PoisonBlobInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, PoisonBlobInput input)
    {
        await poisoner.PoisonAsync(input, execution.CancellationToken);
        return true;
    }
}
