using System.Text.Json;

namespace VideoPipeline.Durable;

/// <summary>
/// Turns inputs, outputs, event payloads and custom status into the JSON kept in history and on
/// queues (Durable's <c>DataConverter</c>). The application chooses the JSON shape.
/// </summary>
public abstract class DataConverter
{
    public abstract string Serialize(object? value);

    public abstract object? Deserialize(string? json, Type type);

    public T Deserialize<T>(string? json) => (T)this.Deserialize(json, typeof(T))!;
}

public sealed class JsonDataConverter(JsonSerializerOptions options) : DataConverter
{
    public static JsonDataConverter Default { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public override string Serialize(object? value) =>
        value is null ? "null" : JsonSerializer.Serialize(value, value.GetType(), options);

    public override object? Deserialize(string? json, Type type) =>
        JsonSerializer.Deserialize(json ?? "null", type, options);
}
