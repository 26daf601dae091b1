using VideoPipeline.Domain;

namespace VideoPipeline.Host.Api.Video;

/// <summary>
/// Checks a generate body field by field (every problem reported at once, each under its JSON name) and
/// turns it into the pipeline's <see cref="VideoRequest"/>. The limits are <see cref="VideoRequestRules"/>, shared with the CLI.
/// </summary>
public static class GenerateRequestMapper
{
    private static readonly Dictionary<string, Resolution> Aspects = new(StringComparer.Ordinal)
    {
        ["16:9"] = Resolution.Landscape720,
        ["9:16"] = Resolution.Portrait720,
        ["1:1"] = Resolution.Square1080,
    };

    /// <summary>The request, or null and <paramref name="errors"/> (field name → messages).</summary>
    public static VideoRequest? Map(GenerateVideoBody body, out Dictionary<string, string[]> errors)
    {
        var found = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Check(string field, string? error)
        {
            if (error is not null)
            {
                found[field] = [.. found.GetValueOrDefault(field, []), error];
            }
        }

        Check("prompt", VideoRequestRules.Prompt("prompt", body.Prompt));
        var duration = body.DurationSeconds ?? 30;
        Check("duration_seconds", VideoRequestRules.Duration("duration_seconds", duration));
        var style = body.Style ?? "professional";
        Check("style", VideoRequestRules.Style("style", style));
        var resolution = ResolutionOf(body, Check);
        var fit = FitMode.Cover;
        if (body.Fit is not null)
        {
            Check("fit", VideoRequestRules.Fit("fit", body.Fit, out fit));
        }

        var voice = body.VoiceSettings ?? new VoiceSettingsBody();
        var speed = voice.Speed ?? 1.0;
        Check("voice_settings.speed", VideoRequestRules.Speed("voice_settings.speed", speed));
        var captionStyle = CaptionStyleOf(body.CaptionStyle ?? new CaptionStyleBody(), Check);
        var overlays = (body.EditingInstructions ?? []).Select((e, i) => InstructionOf(e, i, duration, Check)).ToList();
        Check("webhook_url", WebhookUrl(body.WebhookUrl));
        Check("music_url", HttpUrl("music_url", body.MusicUrl));
        if (body.Metadata is { } metadata && metadata.ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            Check("metadata", "metadata must be a JSON object");
        }

        if (body.Priority is < 0 or > 10)
        {
            Check("priority", $"priority must be 0 to 10 (got {body.Priority})");
        }

        errors = found;
        if (found.Count > 0)
        {
            return null;
        }

        return new VideoRequest
        {
            Prompt = body.Prompt!.Trim(),
            CampaignId = body.CampaignId,
            DurationSeconds = duration,
            Style = style.Trim(),
            VoiceSettings = new VoiceSettings { VoiceId = voice.VoiceId, Language = voice.Language ?? "en", Emotion = voice.Emotion, Speed = speed },
            EditingInstructions = overlays,
            BrandGuidelinesId = body.BrandGuidelinesId,
            Resolution = resolution,
            Fit = fit,
            Captions = body.Captions ?? true,
            CaptionStyle = captionStyle,
        };
    }

    private static Resolution ResolutionOf(GenerateVideoBody body, Action<string, string?> check)
    {
        var resolution = Resolution.Landscape720;
        if (body.Resolution is not null)
        {
            check("resolution", VideoRequestRules.Resolution("resolution", body.Resolution, out resolution));
        }

        if (body.AspectRatio is not null)
        {
            if (!Aspects.TryGetValue(body.AspectRatio.Trim(), out var byAspect))
            {
                check("aspect_ratio", $"aspect_ratio must be one of {string.Join(", ", Aspects.Keys)} (got '{VideoRequestRules.OneLine(body.AspectRatio)}')");
            }
            else if (body.Resolution is not null && byAspect != resolution)
            {
                check("aspect_ratio", $"aspect_ratio {body.AspectRatio} does not match resolution {body.Resolution}; send one of them");
            }
            else
            {
                resolution = byAspect;
            }
        }

        return resolution;
    }

    private static CaptionStyle CaptionStyleOf(CaptionStyleBody body, Action<string, string?> check)
    {
        var style = new CaptionStyle();
        if (body.FontSize is { } size)
        {
            check("caption_style.font_size", VideoRequestRules.FontSize("caption_style.font_size", size));
        }

        if (body.FontName is { } font && (string.IsNullOrWhiteSpace(font) || font.Length > 100 || font.Any(char.IsControl)))
        {
            check("caption_style.font_name", "caption_style.font_name must be 1 to 100 printable characters");
        }

        if (body.PrimaryColor is not null)
        {
            check("caption_style.primary_color", VideoRequestRules.Color("caption_style.primary_color", body.PrimaryColor));
        }

        if (body.OutlineColor is not null)
        {
            check("caption_style.outline_color", VideoRequestRules.Color("caption_style.outline_color", body.OutlineColor));
        }

        if (body.Alignment is { } alignment)
        {
            check("caption_style.alignment", VideoRequestRules.Alignment("caption_style.alignment", alignment));
        }

        if (body.WordsPerLine is { } words)
        {
            check("caption_style.words_per_line", VideoRequestRules.WordsPerLine("caption_style.words_per_line", words));
        }

        return style with
        {
            FontSize = body.FontSize ?? style.FontSize,
            FontName = body.FontName?.Trim() ?? style.FontName,
            PrimaryColor = body.PrimaryColor?.Trim() ?? style.PrimaryColor,
            OutlineColor = body.OutlineColor?.Trim() ?? style.OutlineColor,
            Alignment = body.Alignment ?? style.Alignment,
            WordsPerLine = body.WordsPerLine ?? style.WordsPerLine,
        };
    }

    private static EditingInstruction InstructionOf(EditingInstructionBody body, int index, double videoDuration, Action<string, string?> check)
    {
        var field = $"editing_instructions[{index}]";
        var type = body.Type?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(type))
        {
            check($"{field}.type", $"{field}.type must not be empty");
        }

        // Other types are kept and reported back as ignored by the edit step, never dropped here.
        if (type == EditingInstruction.TextOverlay)
        {
            check($"{field}.text", VideoRequestRules.OverlayText($"{field}.text", body.Text));
            check($"{field}.timestamp", VideoRequestRules.OverlayTimestamp($"{field}.timestamp", body.Timestamp ?? 0, videoDuration));
            check($"{field}.duration", VideoRequestRules.OverlayDuration($"{field}.duration", body.Duration));
            check($"{field}.position", VideoRequestRules.OverlayPosition($"{field}.position", body.Position));
        }

        return new EditingInstruction
        {
            Type = type ?? "",
            Text = body.Text,
            Timestamp = body.Timestamp ?? 0,
            Duration = body.Duration,
            Position = body.Position?.Trim().ToLowerInvariant(),
        };
    }

    // SSRF rules are applied when the webhook is delivered (each delivery resolves again); here only the shape.
    private static string? WebhookUrl(string? url) => HttpUrl("webhook_url", url);

    private static string? HttpUrl(string field, string? url) =>
        url is null
        || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.UserInfo.Length == 0)
            ? null
            : $"{field} must be an absolute http or https URL without credentials";
}
