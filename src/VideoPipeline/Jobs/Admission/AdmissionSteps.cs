using Microsoft.DurableTask;
using VideoPipeline.Durable;

namespace VideoPipeline.Jobs.Admission;

/// <summary>
/// Orchestrator side of admission: wait for a slot without holding a thread (an external event, with a periodic
/// re-check so a lost event only delays), and on the way out hand the slot on by event to the jobs admitted next.
/// </summary>
public static class AdmissionSteps
{
    /// <summary>Raised to an orchestration when it was given a slot.</summary>
    public const string AdmittedEvent = "Admitted";

    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(10, TimeSpan.FromSeconds(2), 2.0, TimeSpan.FromMinutes(1)));

    public static async Task WaitForSlotAsync(TaskOrchestrationContext context, JoinLineInput ticket, TimeSpan recheck)
    {
        var admitted = await context.CallActivityAsync<JoinAdmissionLineActivity, JoinLineInput, bool>(ticket, Retry);
        while (!admitted)
        {
            try
            {
                admitted = await context.WaitForExternalEvent<bool>(AdmittedEvent, recheck);
            }
            catch (TaskCanceledException)
            {
                admitted = await context.CallActivityAsync<JoinAdmissionLineActivity, JoinLineInput, bool>(ticket, Retry);
            }
        }
    }

    /// <summary>Frees the slot; never fails the job (a worker host's sweep frees a slot left behind).</summary>
    public static async Task LeaveAsync(TaskOrchestrationContext context, string line, string jobId)
    {
        try
        {
            var admitted = await context.CallActivityAsync<LeaveAdmissionLineActivity, LeaveLineInput, IReadOnlyList<string>>(new LeaveLineInput(line, jobId), Retry);
            foreach (var next in admitted)
            {
                context.SendEvent(next, AdmittedEvent, true);
            }
        }
        catch (TaskFailedException)
        {
            // The sweep frees it within a poll interval of noticing the job ended.
        }
    }
}
