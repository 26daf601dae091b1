using System.Globalization;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain;
using VideoPipeline.Media;
using VideoPipeline.Media.Probing;
using VideoPipeline.Storage;
using VideoPipeline.Workflow.Contracts;
using VideoPipeline.Workflow.Orchestration;

namespace VideoPipeline.Workflow.Activities;

/// <summary>
/// Decides the edits: probes every clip (size, audio) and places editing instructions on the final
/// timeline. Nothing is encoded here; assembly applies the decisions in its single encode.
/// Instructions that cannot apply are reported as warnings, never dropped silently.
/// </summary>
public sealed class ApplySceneEditsActivity(IAssetStore store, IMediaProbe probe, IOptions<PipelineOptions> options)
    : TaskActivity<ApplySceneEditsInput, EditDecisionList>
{
    private const double EndMargin = 0.05;

    public override async Task<EditDecisionList> RunAsync(ActivityContext context, ApplySceneEditsInput input)
    {
        using var workspace = MediaWorkspace.Create(options.Value.WorkDirectory, context.Name);
        var scenes = new List<EditedScene>();
        foreach (var clip in input.Clips)
        {
            var path = await workspace.MaterializeAsync(store, clip.Clip, context.CancellationToken);
            var info = await probe.ProbeAsync(path, context.CancellationToken);
            var video = info.Video ?? throw new PermanentPipelineException(
                ErrorCodes.UnsupportedMedia, $"scene {clip.SceneNumber}: the generated clip has no video stream");
            scenes.Add(new EditedScene(clip.SceneNumber, clip.Clip, clip.Start, clip.FrameCount, info.HasAudio, video.Width ?? 0, video.Height ?? 0));
        }

        var warnings = new List<string>();
        var overlays = new List<TextOverlay>();
        for (var i = 0; i < input.Instructions.Count; i++)
        {
            if (Place(input.Instructions[i], i, input.DurationSeconds, warnings) is { } overlay)
            {
                overlays.Add(overlay);
            }
        }

        return new EditDecisionList(scenes, overlays, warnings);
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
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{field}: timestamp {instruction.Timestamp:0.##} s is past the end of the {videoDuration:0.##} s video; ignored"));
            return null;
        }

        var end = Math.Min(start + (instruction.Duration ?? EditingInstruction.DefaultOverlayDuration), videoDuration - EndMargin);
        if (instruction.Duration is { } d && start + d > videoDuration)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{field}: shortened to end with the video at {videoDuration:0.##} s"));
        }

        var position = instruction.Position?.Trim().ToLowerInvariant() switch
        {
            "center" or "centre" or "middle" => "center",
            "bottom" => "bottom",
            _ => "top",
        };
        return new TextOverlay(text, Math.Round(start, 3), Math.Round(end, 3), position);
    }
}
