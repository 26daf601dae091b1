namespace VideoPipeline.Durable.Activities;

/// <summary>
/// What an activity knows about its own execution beyond <c>TaskActivityContext</c>: a token that is cancelled
/// when its orchestration ends (terminated, failed, purged) or the host stops. One per execution (scoped), set
/// by <see cref="ActivityRunner"/> before the activity is created.
/// </summary>
public sealed class ActivityExecution
{
    public string Name { get; private set; } = "";

    public string InstanceId { get; private set; } = "";

    public CancellationToken CancellationToken { get; private set; }

    internal void Begin(ActivityInvocation invocation, CancellationToken cancellationToken)
    {
        (this.Name, this.InstanceId, this.CancellationToken) = (invocation.Name, invocation.InstanceId, cancellationToken);
    }
}

/// <summary>One delivery of a scheduled activity: the task <paramref name="TaskId"/> of an orchestration execution.</summary>
public sealed record ActivityInvocation(string Name, string InstanceId, string ExecutionId, int TaskId);
