using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace VideoPipeline.Host.Hosting;

/// <summary>
/// Reads <c>local.settings.json</c> the way the Functions host does: its "Values" become settings,
/// with "__" separating sections (e.g. "FFmpeg__Preset"). Environment variables still win.
/// </summary>
public static class LocalSettingsConfigurationExtensions
{
    public static IConfigurationBuilder AddLocalSettingsJson(this IConfigurationBuilder builder, string path)
    {
        if (!File.Exists(path))
        {
            return builder;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var values = new Dictionary<string, string?>();
        if (document.RootElement.TryGetProperty("Values", out var section) && section.ValueKind == JsonValueKind.Object)
        {
            foreach (var setting in section.EnumerateObject())
            {
                values[setting.Name.Replace("__", ":", StringComparison.Ordinal)] = setting.Value.ValueKind == JsonValueKind.String
                    ? setting.Value.GetString()
                    : setting.Value.GetRawText();
            }
        }

        return builder.AddInMemoryCollection(values);
    }
}
