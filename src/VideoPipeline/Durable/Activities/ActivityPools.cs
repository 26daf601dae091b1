using System.Reflection;

namespace VideoPipeline.Durable.Activities;

/// <summary>
/// Shared limits for kinds of work: an activity marked <see cref="ActivityPoolAttribute"/> waits for a slot of its
/// pool, sized by <c>DurableTask:ActivityConcurrency:&lt;pool&gt;</c>.
/// </summary>
public static class ActivityPools
{
    /// <summary>Local CPU-bound tools (FFmpeg, festival, pocketsphinx): about one per core.</summary>
    public const string Media = "media";

    public static string? Of(Type activity) => activity.GetCustomAttribute<ActivityPoolAttribute>()?.Pool;
}

[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityPoolAttribute(string pool) : Attribute
{
    public string Pool { get; } = pool;
}
