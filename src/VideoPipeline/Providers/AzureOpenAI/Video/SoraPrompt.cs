using VideoPipeline.Providers;

namespace VideoPipeline.Providers.AzureOpenAI.Video;

/// <summary>The text prompt for one scene: its description, then the entities and the visual style as plain sentences.</summary>
internal static class SoraPrompt
{
    public static string For(SceneClipRequest request)
    {
        var scene = request.Scene;
        var parts = new List<string> { scene.Description.Trim().TrimEnd('.') + "." };
        var entities = scene.Entities
            .Where(e => !string.IsNullOrWhiteSpace(e.Type))
            .Select(e => string.Join(' ', new[] { "a " + e.Type, Words(e.Action), string.IsNullOrWhiteSpace(e.Position) ? null : "at the " + Words(e.Position) }.Where(p => !string.IsNullOrWhiteSpace(p))))
            .ToList();
        if (entities.Count > 0)
        {
            parts.Add("On screen: " + string.Join("; ", entities) + ".");
        }

        parts.Add($"Style: {request.Style}, {Words(scene.VisualStyle.Lighting)} lighting, {Words(scene.VisualStyle.ColorPalette)} colour palette.");
        return string.Join(' ', parts);
    }

    private static string Words(string snakeCase) => snakeCase.Replace('_', ' ').Trim();
}
