using VideoPipeline.Durable;
using VideoPipeline.Jobs;

namespace VideoPipeline.Workflow.Activities;

/// <summary>Records a job event: the task record, the event log, the webhook.</summary>
public sealed class RecordJobEventActivity(JobEventRecorder recorder) : TaskActivity<JobEvent, bool>
{
    public override async Task<bool> RunAsync(ActivityContext context, JobEvent input)
    {
        await recorder.RecordAsync(input, context.CancellationToken);
        return true;
    }
}
