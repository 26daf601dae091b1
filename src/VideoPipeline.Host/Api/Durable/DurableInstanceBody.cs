using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DurableTask.Core.History;
using Microsoft.DurableTask.Client;

namespace VideoPipeline.Host.Api.Durable;

/// <summary>Durable Functions' instance status body, camelCase as Durable clients parse it.</summary>
public sealed record DurableInstanceBody
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("instanceId")]
    public required string InstanceId { get; init; }

    [JsonPropertyName("runtimeStatus")]
    public required string RuntimeStatus { get; init; }

    [JsonPropertyName("input")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public JsonElement? Input { get; init; }

    [JsonPropertyName("customStatus")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public JsonElement? CustomStatus { get; init; }

    [JsonPropertyName("output")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public JsonElement? Output { get; init; }

    [JsonPropertyName("createdTime")]
    public required string CreatedTime { get; init; }

    [JsonPropertyName("lastUpdatedTime")]
    public required string LastUpdatedTime { get; init; }

    [JsonPropertyName("historyEvents")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public IReadOnlyList<DurableHistoryEventBody>? HistoryEvents { get; init; }

    public static DurableInstanceBody From(OrchestrationMetadata instance, IList<HistoryEvent>? history, bool showInput, bool showHistoryOutput) => new()
    {
        Name = instance.Name,
        InstanceId = instance.InstanceId,
        RuntimeStatus = instance.RuntimeStatus.ToString(),
        Input = showInput ? Parse(instance.SerializedInput) : null,
        CustomStatus = Parse(instance.SerializedCustomStatus),

        // A failed instance's output is its failure, as Durable reports it.
        Output = instance.RuntimeStatus == OrchestrationRuntimeStatus.Failed && instance.FailureDetails is { } failure
            ? JsonSerializer.SerializeToElement(failure.ErrorMessage)
            : Parse(instance.SerializedOutput),
        CreatedTime = Time(instance.CreatedAt),
        LastUpdatedTime = Time(instance.LastUpdatedAt),
        HistoryEvents = history is null ? null : DurableHistoryEventBody.From(history, showHistoryOutput),
    };

    internal static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static JsonElement? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            // Not every payload is JSON (a termination reason): return it as a string.
            return JsonSerializer.SerializeToElement(json);
        }
    }
}

/// <summary>One <c>historyEvents</c> item, in Durable's PascalCase.</summary>
public sealed record DurableHistoryEventBody(
    [property: JsonPropertyName("EventType")] string EventType,
    [property: JsonPropertyName("FunctionName")] string? FunctionName,
    [property: JsonPropertyName("Result")] string? Result,
    [property: JsonPropertyName("Timestamp")] string Timestamp)
{
    public static IReadOnlyList<DurableHistoryEventBody> From(IList<HistoryEvent> history, bool showOutput)
    {
        var scheduled = history.OfType<TaskScheduledEvent>().GroupBy(e => e.EventId).ToDictionary(g => g.Key, g => g.First().Name);
        return history
            .Where(e => e.EventType is not (DurableTask.Core.History.EventType.OrchestratorStarted or DurableTask.Core.History.EventType.OrchestratorCompleted))
            .Select(e => new DurableHistoryEventBody(
                e.EventType.ToString(),
                e switch
                {
                    ExecutionStartedEvent started => started.Name,
                    TaskScheduledEvent task => task.Name,
                    TaskCompletedEvent done => scheduled.GetValueOrDefault(done.TaskScheduledId),
                    TaskFailedEvent failed => scheduled.GetValueOrDefault(failed.TaskScheduledId),
                    EventRaisedEvent raised => raised.Name,
                    SubOrchestrationInstanceCreatedEvent sub => sub.Name,
                    _ => null,
                },
                showOutput
                    ? e switch
                    {
                        TaskCompletedEvent done => done.Result,
                        TaskFailedEvent failed => failed.Reason,
                        ExecutionCompletedEvent completed => completed.Result,
                        EventRaisedEvent raised => raised.Input,
                        _ => null,
                    }
                    : null,
                DurableInstanceBody.Time(new DateTimeOffset(DateTime.SpecifyKind(e.Timestamp, DateTimeKind.Utc)))))
            .ToList();
    }
}
