using System.Globalization;
using VideoPipeline.Workflow.Contracts;

namespace VideoPipeline.Jobs;

/// <summary>The asset roles a finished job lists (seed 002's assets), each an asset id.</summary>
public static class JobOutputs
{
    public const string FinalVideo = "final_video";
    public const string Thumbnail = "thumbnail";
    public const string AudioTrack = "audio_track";
    public const string CaptionsSrt = "captions_srt";
    public const string CaptionsVtt = "captions_vtt";
    public const string IntermediateRenderPrefix = "intermediate_render_";

    public static IReadOnlyDictionary<string, string> From(GenerateVideoResult result)
    {
        var outputs = new Dictionary<string, string>
        {
            [FinalVideo] = result.Final.Video.ToString(),
            [Thumbnail] = result.Final.Thumbnail.ToString(),
            [AudioTrack] = result.Final.AudioTrack.ToString(),
        };
        if (result.Captions is { } captions)
        {
            outputs[CaptionsSrt] = captions.Srt.ToString();
            outputs[CaptionsVtt] = captions.Vtt.ToString();
        }

        foreach (var clip in result.Clips)
        {
            outputs[IntermediateRenderPrefix + clip.SceneNumber.ToString(CultureInfo.InvariantCulture)] = clip.Clip.ToString();
        }

        return outputs;
    }
}
