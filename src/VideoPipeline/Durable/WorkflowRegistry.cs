using Microsoft.DurableTask;

namespace VideoPipeline.Durable;

/// <summary>Orchestrators and activities by name; each module adds its own (<see cref="DurableServiceCollectionExtensions.AddWorkflows"/>).</summary>
public sealed class WorkflowRegistry
{
    private readonly Dictionary<string, Type> orchestrators = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Type> activities = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, Type> Orchestrators => this.orchestrators;

    public IReadOnlyDictionary<string, Type> Activities => this.activities;

    public WorkflowRegistry AddOrchestrator<T>()
        where T : class, ITaskOrchestrator
    {
        this.orchestrators.Add(TaskNames.Of<T>(), typeof(T));
        return this;
    }

    public WorkflowRegistry AddActivity<T>()
        where T : class, ITaskActivity
    {
        this.activities.Add(TaskNames.Of<T>(), typeof(T));
        return this;
    }
}
