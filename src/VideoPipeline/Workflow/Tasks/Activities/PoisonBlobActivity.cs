using VideoPipeline.Durable;
using VideoPipeline.Workflow.Tasks.Trigger;

namespace VideoPipeline.Workflow.Tasks.Activities;

/// <summary>A blob whose attempts ran out: see <see cref="BlobPoisoner"/>.</summary>
public sealed class PoisonBlobActivity(BlobPoisoner poisoner) : TaskActivity<PoisonBlobInput, bool>
{
    public override async Task<bool> RunAsync(ActivityContext context, PoisonBlobInput input)
    {
        await poisoner.PoisonAsync(input, context.CancellationToken);
        return true;
    }
}
