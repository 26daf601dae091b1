using Microsoft.Extensions.Options;
using VideoPipeline.Media.FFmpeg;
using VideoPipeline.Media.Text;

namespace VideoPipeline.Providers.Offline.Rendering;

/// <summary>Offline scene renderer: a procedural storyboard clip per scene (see <see cref="AnimaticArguments"/>).</summary>
public sealed class AnimaticClipGenerator(IFFmpegRunner ffmpeg, IOptions<AnimaticOptions> options, TextFonts fonts) : ISceneClipGenerator
{
    /// <summary>The provider name its clips carry; their centre band holds the scene title.</summary>
    public const string ProviderName = "animatic/1";

    public string Name => ProviderName;

    public async Task<GeneratedClip> GenerateAsync(SceneClipRequest request, string outputPath, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var seconds = request.FrameCount / (double)request.Fps;

        // The script and emoji images live beside the output while FFmpeg reads them.
        var textDirectory = Directory.CreateDirectory(outputPath + ".text").FullName;
        try
        {
            var script = AnimaticText.Write(request, fonts);
            var scriptPath = Path.Combine(textDirectory, "text.ass");
            await File.WriteAllTextAsync(scriptPath, script, cancellationToken);
            var sprites = await EmojiSprite.WriteAsync(fonts, AssScript.ReadEmoji(script), textDirectory, cancellationToken);
            var args = AnimaticArguments.Build(request, outputPath, options.Value, scriptPath, sprites);
            await ffmpeg.RunAsync(args, new FFmpegRunOptions { ExpectedDurationSeconds = seconds, Progress = progress }, cancellationToken);
        }
        finally
        {
            Directory.Delete(textDirectory, recursive: true);
        }

        return new GeneratedClip(seconds, request.Resolution.Width, request.Resolution.Height, HasAudio: false, this.Name);
    }
}
