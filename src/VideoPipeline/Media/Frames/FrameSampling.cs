using VideoPipeline.Media.FFmpeg;

namespace VideoPipeline.Media.Frames;

/// <summary>Still frames taken from a video at even intervals, small enough to send to an image moderator.</summary>
public static class FrameSampling
{
    /// <summary>Widest side of a sampled frame: moderation models read images at about this size.</summary>
    public const int MaxSide = 512;

    /// <summary>The middle of each of <paramref name="count"/> equal parts, so a short clip's first and last frames (often fades) are skipped.</summary>
    public static IReadOnlyList<double> Times(double durationSeconds, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(durationSeconds);
        return Enumerable.Range(0, count).Select(i => Math.Round((i + 0.5) * durationSeconds / count, 3)).ToList();
    }

    /// <summary>One JPEG of the frame at <paramref name="seconds"/>, scaled to fit <see cref="MaxSide"/> (input seek: no decode of what comes before).</summary>
    public static FFmpegArguments Frame(string videoPath, double seconds, string jpegPath)
    {
        var arguments = FFmpegArguments.Create();
        arguments.AddInput(FFmpegInput.File(videoPath).Seek(seconds));
        var scale = new Filter("scale")
            .With("w", $"min({MaxSide},iw)")
            .With("h", $"min({MaxSide},ih)")
            .With("force_original_aspect_ratio", "decrease");
        return arguments.AddOutput(jpegPath, o => o.MapStream("0:v:0").Frames(1).With("-vf", scale.ToString()).With("-q:v", "5"));
    }
}
