using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace VideoPipeline.Host.Api.Limits;

/// <summary>
/// Turns a serializer path (<c>$.voice_settings.speed</c>) into the field name callers use
/// (<c>voice_settings.speed</c>; the whole body is <c>body</c>), and says what kind of JSON value belongs there.
/// </summary>
public static partial class JsonFieldPath
{
    public static string Field(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    /// <summary>"a number", "an integer", "a string", "true or false", "an array" or "an object", from the request type.</summary>
    public static string Expected(Type root, string? path, JsonSerializerOptions options)
    {
        var type = root;
        foreach (Match segment in Segments().Matches(path ?? ""))
        {
            type = segment.Groups["index"].Success ? ElementType(type) : PropertyType(type, segment.Groups["name"].Value, options);
            if (type is null)
            {
                return "a valid value";
            }
        }

        return Describe(Nullable.GetUnderlyingType(type) ?? type);
    }

    private static string Describe(Type type) =>
        type == typeof(string) || type == typeof(Uri) ? "a string"
        : type == typeof(bool) ? "true or false"
        : type == typeof(int) || type == typeof(long) ? "an integer"
        : type == typeof(double) || type == typeof(float) || type == typeof(decimal) ? "a number"
        : type == typeof(JsonElement) ? "a JSON value"
        : type.IsAssignableTo(typeof(IEnumerable)) ? "an array"
        : "an object";

    private static Type? PropertyType(Type type, string name, JsonSerializerOptions options) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(p => (p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? options.PropertyNamingPolicy?.ConvertName(p.Name) ?? p.Name) == name)
            ?.PropertyType;

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericArguments() is [var element] ? element
        : null;

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\[(?<index>\d+)\]")]
    private static partial Regex Segments();
}
