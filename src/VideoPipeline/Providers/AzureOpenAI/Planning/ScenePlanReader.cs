using System.Text.Json;
using VideoPipeline.Domain;

namespace VideoPipeline.Providers.AzureOpenAI.Planning;

/// <summary>Reads the model's JSON plan into scenes; anything unreadable is a problem to report back, not a crash.</summary>
internal static class ScenePlanReader
{
    public static (IReadOnlyList<Scene>? Scenes, string? Problem) Read(string content)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content);
        }
        catch (JsonException e)
        {
            return (null, $"the answer is not JSON ({e.Message})");
        }

        using (document)
        {
            if (document.RootElement.Optional("scenes") is not { ValueKind: JsonValueKind.Array } scenes)
            {
                return (null, "the answer has no 'scenes' array");
            }

            return (scenes.EnumerateArray().Select(ReadScene).ToList(), null);
        }
    }

    private static Scene ReadScene(JsonElement scene, int index)
    {
        var style = scene.Optional("visual_style");
        return new Scene
        {
            SceneNumber = (int)(scene.OptionalNumber("scene_number") ?? index + 1),
            Description = scene.OptionalString("description")?.Trim() ?? string.Empty,
            DurationSeconds = scene.OptionalNumber("duration_seconds") ?? 0,
            Entities = scene.Items("entities")
                .Select(e => new SceneEntity(e.OptionalString("type") ?? string.Empty, e.OptionalString("position") ?? string.Empty, e.OptionalString("action") ?? string.Empty))
                .ToList(),
            VisualStyle = new VisualStyle
            {
                Lighting = NonEmpty(style?.OptionalString("lighting")) ?? "neutral",
                ColorPalette = NonEmpty(style?.OptionalString("color_palette")) ?? "neutral",
            },
            Narration = scene.OptionalString("narration")?.Trim() ?? string.Empty,
        };
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
