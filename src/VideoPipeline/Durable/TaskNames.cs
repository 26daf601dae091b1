using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.DurableTask;

namespace VideoPipeline.Durable;

/// <summary>
/// The name an orchestrator or activity is registered and called by: its <see cref="DurableTaskAttribute"/>,
/// which every task class carries, so renaming a class never strands instances already in a task hub.
/// </summary>
public static class TaskNames
{
    private static readonly ConcurrentDictionary<Type, string> Names = new();

    public static string Of<T>() => Of(typeof(T));

    public static string Of(Type type) => Names.GetOrAdd(type, static t =>
        t.GetCustomAttribute<DurableTaskAttribute>()?.Name.Name is { Length: > 0 } name
            ? name
            : throw new InvalidOperationException($"{t.Name} needs a [DurableTask(\"name\")] attribute"));
}
