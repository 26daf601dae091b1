using VideoPipeline.Media.Text;

namespace VideoPipeline.Media.Assembly;

/// <summary>The text files of the final encode: the overlays laid out around what is on screen, and the emoji images of both scripts.</summary>
public static class AssemblyText
{
    /// <param name="titled">Time spans (seconds) whose clip has the storyboard's scene title in the centre band.</param>
    public static async Task<AssemblySpec> PrepareAsync(AssemblySpec spec, TextFonts fonts, IEnumerable<(double Start, double End)> titled, string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(fonts);
        var captions = spec.CaptionsPath is null ? "" : await File.ReadAllTextAsync(spec.CaptionsPath, cancellationToken);
        var bands = new ScreenBands(spec.Resolution.Width, spec.Resolution.Height, fonts.Options.SafeMargin);
        var occupied = titled.Select(t => bands.Area(Band.Center, t.Start, t.End)).Concat(AssScript.ReadAreas(captions));

        var overlays = "";
        string? overlaysPath = null;
        if (spec.Overlays.Count > 0)
        {
            overlays = OverlayLayout.Write(fonts, spec.Resolution, spec.Overlays, occupied);
            overlaysPath = Path.Combine(directory, "overlays.ass");
            await File.WriteAllTextAsync(overlaysPath, overlays, cancellationToken);
        }

        var emoji = AssScript.ReadEmoji(captions).Concat(AssScript.ReadEmoji(overlays));
        var sprites = await EmojiSprite.WriteAsync(fonts, emoji, directory, cancellationToken);
        return spec with { OverlaysPath = overlaysPath, Sprites = sprites };
    }
}
