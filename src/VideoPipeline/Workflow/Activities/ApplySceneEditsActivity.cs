using System.Globalization;
using VideoPipeline.Domain;
using VideoPipeline.Providers.Offline.Rendering;
using VideoPipeline.Workflow.Contracts;
using Microsoft.DurableTask;
using VideoPipeline.Durable.Activities;

namespace VideoPipeline.Workflow.Activities;

/// <summary>
/// Decides the edits: fits every clip to its slot and places editing instructions on the final
/// timeline. Nothing is encoded here; assembly applies the decisions in its single encode. What
/// cannot apply, and what the fit changes, is reported as a warning, never dropped silently.
/// </summary>
[DurableTask("ApplySceneEdits")]
public sealed class ApplySceneEditsActivity : TaskActivity<ApplySceneEditsInput, EditDecisionList>
{
    private const double EndMargin = 0.05;

    public override Task<EditDecisionList> RunAsync(TaskActivityContext context, ApplySceneEditsInput input)
    {
        var warnings = new List<string>();
        var scenes = input.Clips.Select(slot => Fit(slot, input, warnings)).ToList();
        var overlays = new List<TextOverlay>();
        for (var i = 0; i < input.Instructions.Count; i++)
        {
            if (Place(input.Instructions[i], i, input.DurationSeconds, warnings) is { } overlay)
            {
                overlays.Add(overlay);
            }
        }

        return Task.FromResult(new EditDecisionList(scenes, overlays, warnings));
    }

    private static EditedScene Fit(TimelineClip slot, ApplySceneEditsInput input, List<string> warnings)
    {
        var clip = slot.Clip;
        var needed = slot.FrameCount / (double)input.Fps;
        if (clip.DurationSeconds < needed - (1.0 / input.Fps))
        {
            warnings.Add(Invariant($"scene {clip.SceneNumber}: the clip is {clip.DurationSeconds:0.##} s for a {needed:0.##} s slot; its last frame is held"));
        }

        var (w, h) = (input.Resolution.Width, input.Resolution.Height);
        if (clip.Width > 0 && clip.Height > 0 && Math.Abs((clip.Width / (double)clip.Height) - (w / (double)h)) > 0.01)
        {
            var how = input.Fit == FitMode.Cover ? "cropped to fill" : "letterboxed into";
            warnings.Add($"scene {clip.SceneNumber}: the clip is {clip.Width}x{clip.Height}, {how} {input.Resolution} ({input.Fit.ToString().ToLowerInvariant()})");
        }

        return new EditedScene(clip.SceneNumber, clip.Clip, slot.Start, slot.FrameCount, clip.HasAudio, clip.Width, clip.Height)
        {
            TitleInCenter = clip.Provider == AnimaticClipGenerator.ProviderName,
        };
    }

    internal static TextOverlay? Place(EditingInstruction instruction, int index, double videoDuration, List<string> warnings)
    {
        var field = $"editing_instructions[{index}]";
        if (!string.Equals(instruction.Type, EditingInstruction.TextOverlay, StringComparison.OrdinalIgnoreCase))
        {
            warnings.Add($"{field}: type '{instruction.Type}' is not supported yet; ignored");
            return null;
        }

        var text = instruction.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            warnings.Add($"{field}: text_overlay has no text; ignored");
            return null;
        }

        var start = Math.Max(0, instruction.Timestamp);
        if (start >= videoDuration - EndMargin)
        {
            warnings.Add(Invariant($"{field}: timestamp {instruction.Timestamp:0.##} s is past the end of the {videoDuration:0.##} s video; ignored"));
            return null;
        }

        var end = Math.Min(start + (instruction.Duration ?? EditingInstruction.DefaultOverlayDuration), videoDuration - EndMargin);
        if (instruction.Duration is { } d && start + d > videoDuration)
        {
            warnings.Add(Invariant($"{field}: shortened to end with the video at {videoDuration:0.##} s"));
        }

        var position = instruction.Position?.Trim().ToLowerInvariant() switch
        {
            "center" or "centre" or "middle" => "center",
            "bottom" => "bottom",
            _ => "top",
        };
        return new TextOverlay(text, Math.Round(start, 3), Math.Round(end, 3), position);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
