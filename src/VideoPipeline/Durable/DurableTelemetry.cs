using System.Diagnostics;

namespace VideoPipeline.Durable;

/// <summary>Spans of activity executions (one per delivery, from hand-over to the worker until it returns), for traces and benchmarks.</summary>
public static class DurableTelemetry
{
    public const string SourceName = "VideoPipeline.Durable";

    public const string InstanceIdTag = "durable.instance_id";

    public const string ActivityNameTag = "durable.activity";

    public static ActivitySource Source { get; } = new(SourceName);
}
