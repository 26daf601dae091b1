namespace VideoPipeline.Durable.InProcess;

/// <summary>Live notifications for a host that shows progress (the CLI's progress bar).</summary>
public sealed class OrchestrationCallbacks
{
    /// <summary>The serialized custom status, each time the orchestrator sets it.</summary>
    public Action<string>? OnCustomStatus { get; init; }

    /// <summary>Activity name, task id and its own 0–100 progress.</summary>
    public Action<string, int, double>? OnActivityProgress { get; init; }
}
