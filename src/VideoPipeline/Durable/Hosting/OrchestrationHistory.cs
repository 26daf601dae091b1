using DurableTask.Core.History;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace VideoPipeline.Durable.Hosting;

/// <summary>The Azure Storage backend's history JSON (events without type names) as the framework's event types.</summary>
internal static class OrchestrationHistory
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        ConstructorHandling = ConstructorHandling.AllowNonPublicDefaultConstructor,
        DateTimeZoneHandling = DateTimeZoneHandling.Utc,
    });

    public static IList<HistoryEvent> Parse(string json)
    {
        var events = new List<HistoryEvent>();
        foreach (var item in JArray.Parse(json).OfType<JObject>())
        {
            var kind = item["EventType"]?.Type == JTokenType.Integer
                ? ((EventType)item["EventType"]!.Value<int>()).ToString()
                : item["EventType"]?.Value<string>();
            if (kind is not null && typeof(HistoryEvent).Assembly.GetType($"{typeof(HistoryEvent).Namespace}.{kind}Event") is { } type
                && item.ToObject(type, Serializer) is HistoryEvent e)
            {
                events.Add(e);
            }
        }

        return events;
    }
}
