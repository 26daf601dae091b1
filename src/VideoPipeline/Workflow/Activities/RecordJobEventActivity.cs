using VideoPipeline.Jobs;
using Microsoft.DurableTask;
using VideoPipeline.Durable.Activities;

namespace VideoPipeline.Workflow.Activities;

/// <summary>Records a job event: the task record, the event log, the webhook.</summary>
[DurableTask("RecordJobEvent")]
public sealed class RecordJobEventActivity(JobEventRecorder recorder, ActivityExecution execution) : TaskActivity<JobEvent, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, JobEvent input)
    {
        await recorder.RecordAsync(input, execution.CancellationToken);
        return true;
    }
}
