using System.Text.Json;
using System.Text.Json.Serialization;

namespace VideoPipeline.Storage.Tasks;

/// <summary>The JSON shape of task records in Cosmos DB: camelCase, enums as snake_case strings.</summary>
public static class TaskJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string ToJsonValue(TaskRecordStatus status) => JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString());
}
