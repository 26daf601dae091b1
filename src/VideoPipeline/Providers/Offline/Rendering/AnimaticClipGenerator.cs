using Microsoft.Extensions.Options;
using VideoPipeline.Media.FFmpeg;

namespace VideoPipeline.Providers.Offline.Rendering;

/// <summary>Offline scene renderer: a procedural storyboard clip per scene (see <see cref="AnimaticArguments"/>).</summary>
public sealed class AnimaticClipGenerator(IFFmpegRunner ffmpeg, IOptions<AnimaticOptions> options) : ISceneClipGenerator
{
    public string Name => "animatic/1";

    public async Task<GeneratedClip> GenerateAsync(SceneClipRequest request, string outputPath, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var seconds = request.FrameCount / (double)request.Fps;
        var args = AnimaticArguments.Build(request, outputPath, options.Value);
        await ffmpeg.RunAsync(args, new FFmpegRunOptions { ExpectedDurationSeconds = seconds, Progress = progress }, cancellationToken);
        return new GeneratedClip(seconds, request.Resolution.Width, request.Resolution.Height, HasAudio: false, this.Name);
    }
}
