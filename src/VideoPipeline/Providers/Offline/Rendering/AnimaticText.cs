using VideoPipeline.Media.Text;

namespace VideoPipeline.Providers.Offline.Rendering;

/// <summary>
/// The storyboard's text as an ASS script: "SCENE n / N" and the look in the top bar, the scene
/// description as a title fitted (wrapped, shrunk, cut with "…") to the centre band of the title-safe
/// area, fading in, and the lead entity below it. The centre band is the title's: assembly moves
/// overlays out of it while a storyboard scene plays.
/// </summary>
public static class AnimaticText
{
    public static string Write(SceneClipRequest request, TextFonts fonts)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(fonts);
        var (w, h) = (request.Resolution.Width, request.Resolution.Height);
        var scale = Math.Min(w, h) / 720.0;
        var seconds = request.FrameCount / (double)request.Fps;
        var scene = request.Scene;
        var bands = new ScreenBands(w, h, fonts.Options.SafeMargin);
        var script = new AssScript(w, h, fonts.Primary);
        var end = seconds + 1;

        // The bar labels sit in the letterbox bar (AnimaticArguments.BarHeight), each in at most 45 % of the width.
        var bar = AnimaticArguments.BarHeight(h);
        var label = new TextFit(24 * scale, 12 * scale, w * 0.45, bar, MaxLines: 1);
        var inset = 40 * scale;
        var number = TextFitter.Fit($"SCENE {scene.SceneNumber} / {request.SceneCount}", fonts, fonts.Primary, label);
        script.Add(number, inset, (bar - number.Height) / 2, number.Width, TextAlign.Left, new TextLook { FillOpacity = 0.85 }, 0, end);
        var look = TextFitter.Fit(Look(scene.VisualStyle), fonts, fonts.Primary, label);
        script.Add(look, w - inset - look.Width, (bar - look.Height) / 2, look.Width, TextAlign.Right, new TextLook { FillOpacity = 0.7 }, 0, end);

        var fadeIn = Math.Min(0.6, seconds / 4);
        var shadow = new TextLook { Shadow = Math.Round(3 * scale), FadeIn = fadeIn };
        var (top, height) = bands[Band.Center];
        var detail = scene.Entities.Count > 0
            ? TextFitter.Fit(Detail(scene.Entities[0]), fonts, fonts.Primary, new TextFit(28 * scale, 14 * scale, bands.SafeWidth, height / 4, MaxLines: 1))
            : null;
        var gap = detail is null ? 0 : 20 * scale;
        var title = TextFitter.Fit(scene.Description, fonts, fonts.Primary, new TextFit(52 * scale, 20 * scale, bands.SafeWidth - (2 * shadow.Bleed), height - gap - (detail?.Height ?? 0) - (2 * shadow.Bleed), MaxLines: 8));
        var y = top + ((height - title.Height - gap - (detail?.Height ?? 0)) / 2);
        script.Add(title, bands.Left + shadow.Bleed, y, bands.SafeWidth - (2 * shadow.Bleed), TextAlign.Center, shadow, 0, end);
        if (detail is not null)
        {
            script.Add(detail, bands.Left, y + title.Height + gap, bands.SafeWidth, TextAlign.Center, new TextLook { FillOpacity = 0.8, FadeIn = fadeIn }, 0, end);
        }

        return script.Build();
    }

    private static string Look(Domain.VisualStyle style) =>
        $"{style.Lighting.Replace('_', ' ')} light \u00b7 {style.ColorPalette.Replace('_', ' ')}".ToUpperInvariant();

    private static string Detail(Domain.SceneEntity entity) =>
        $"{entity.Type} \u00b7 {entity.Position} \u00b7 {entity.Action.Replace('_', ' ')}";
}
