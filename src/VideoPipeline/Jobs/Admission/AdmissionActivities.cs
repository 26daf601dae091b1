using Microsoft.DurableTask;
using VideoPipeline.Durable.Activities;

namespace VideoPipeline.Jobs.Admission;

/// <param name="CreatedAt">When the job was submitted: its place in line among jobs of equal priority.</param>
public sealed record JoinLineInput(string Line, string JobId, int Priority, DateTimeOffset CreatedAt);

public sealed record LeaveLineInput(string Line, string JobId);

/// <summary>Puts the job in its line and takes a slot if one is free for it; true when it holds one.</summary>
[DurableTask("JoinAdmissionLine")]
public sealed class JoinAdmissionLineActivity(JobAdmission admission, ActivityExecution execution) : TaskActivity<JoinLineInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, JoinLineInput input)
    {
        await admission.JoinAsync(input.Line, input.JobId, input.Priority, input.CreatedAt, execution.CancellationToken);
        return await admission.TryAdmitAsync(input.Line, input.JobId, execution.CancellationToken);
    }
}

/// <summary>Frees the job's slot and gives free slots to the next jobs; the jobs admitted, whose orchestrations must be told.</summary>
[DurableTask("LeaveAdmissionLine")]
public sealed class LeaveAdmissionLineActivity(JobAdmission admission, ActivityExecution execution) : TaskActivity<LeaveLineInput, IReadOnlyList<string>>
{
    public override Task<IReadOnlyList<string>> RunAsync(TaskActivityContext context, LeaveLineInput input) =>
        admission.LeaveAsync(input.Line, input.JobId, execution.CancellationToken);
}
