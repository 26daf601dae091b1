namespace VideoPipeline.Durable;

/// <summary>Orchestrators and activities by name. Instances come from DI, one scope per execution.</summary>
public sealed class TaskRegistry
{
    private readonly Dictionary<string, Type> orchestrators = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Type> activities = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> OrchestratorNames => this.orchestrators.Keys;

    public IReadOnlyCollection<string> ActivityNames => this.activities.Keys;

    public TaskRegistry AddOrchestrator<T>(string name)
        where T : class, ITaskOrchestrator
    {
        this.orchestrators.Add(name, typeof(T));
        return this;
    }

    public TaskRegistry AddActivity<T>(string name)
        where T : class, ITaskActivity
    {
        this.activities.Add(name, typeof(T));
        return this;
    }

    public Type GetOrchestratorType(string name) =>
        this.orchestrators.TryGetValue(name, out var type)
            ? type
            : throw new InvalidOperationException($"No orchestrator named '{name}' is registered");

    public Type GetActivityType(string name) =>
        this.activities.TryGetValue(name, out var type)
            ? type
            : throw new InvalidOperationException($"No activity named '{name}' is registered");
}
