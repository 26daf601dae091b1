using DurableTask.Core;

namespace VideoPipeline.Durable.Hosting;

/// <summary>Registers a task under its name; <see cref="Create"/> makes a fresh one per execution (shims keep state).</summary>
internal sealed class NamedObjectCreator<T> : ObjectCreator<T>
{
    private readonly Func<T> create;

    public NamedObjectCreator(string name, Func<T> create)
    {
        this.Name = name;
        this.Version = string.Empty;
        this.create = create;
    }

    public override T Create() => this.create();
}
