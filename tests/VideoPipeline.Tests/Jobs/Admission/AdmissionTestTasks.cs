using Microsoft.DurableTask;
using VideoPipeline.Durable;
using VideoPipeline.Jobs.Admission;
using VideoPipeline.Tests.Workflow.Orchestration;

namespace VideoPipeline.Tests.Jobs.Admission;

public sealed record LinedJobInput(string Line, int Priority, DateTimeOffset CreatedAt);

/// <summary>Waits for a slot of its line, notes that it started, holds the slot until told to finish, then hands it on.</summary>
[DurableTask(nameof(LinedJob))]
public sealed class LinedJob : TaskOrchestrator<LinedJobInput, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, LinedJobInput input)
    {
        await AdmissionSteps.WaitForSlotAsync(context, new JoinLineInput(input.Line, context.InstanceId, input.Priority, input.CreatedAt), TimeSpan.FromSeconds(30));
        await context.CallActivityAsync<NoteStart, string, int>(context.InstanceId);
        await context.WaitForExternalEvent<string>("finish");
        await AdmissionSteps.LeaveAsync(context, input.Line, context.InstanceId);
        return "done";
    }
}

/// <summary>Records the order in which jobs started.</summary>
[DurableTask(nameof(NoteStart))]
public sealed class NoteStart(StartOrder order) : TaskActivity<string, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, string jobId) => Task.FromResult(order.Add(jobId));
}

public sealed class StartOrder
{
    private readonly List<string> started = [];

    public IReadOnlyList<string> Started
    {
        get
        {
            lock (this.started)
            {
                return [.. this.started];
            }
        }
    }

    public int Add(string jobId)
    {
        lock (this.started)
        {
            // At least once: a repeated delivery is the same start.
            if (!this.started.Contains(jobId))
            {
                this.started.Add(jobId);
            }

            return this.started.Count;
        }
    }
}

internal static class AdmissionTestTasks
{
    public static void Register(WorkflowRegistry registry) => registry.AddOrchestrator<LinedJob>().AddActivity<NoteStart>();
}
