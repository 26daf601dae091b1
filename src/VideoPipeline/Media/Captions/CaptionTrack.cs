using System.Globalization;
using VideoPipeline.Domain;

namespace VideoPipeline.Media.Captions;

/// <summary>The invariants every caption track must hold before it is written or burned.</summary>
public static class CaptionTrack
{
    /// <summary>Shortest cue kept, and the gap left before the end of the video so the last frame is still covered.</summary>
    public const double ShortestCue = 0.001;

    /// <summary>
    /// Throws <see cref="InvalidCaptionTrackException"/> naming the first cue that has blank text, a time
    /// outside [0, <paramref name="videoDuration"/>), an end not after its start, or a start before the previous cue's end.
    /// </summary>
    public static void Validate(IReadOnlyList<CaptionCue> cues, double videoDuration)
    {
        ArgumentNullException.ThrowIfNull(cues);
        ThrowIfBadDuration(videoDuration);

        for (var i = 0; i < cues.Count; i++)
        {
            var cue = cues[i] ?? throw new InvalidCaptionTrackException(i + 1, $"Caption cue {i + 1} of {cues.Count} is null.");
            var problem =
                !double.IsFinite(cue.Start) || !double.IsFinite(cue.End) ? "has a time that is not a finite number"
                : string.IsNullOrWhiteSpace(cue.Text) ? "has no text"
                : cue.Start < 0 ? "starts before 0"
                : cue.End <= cue.Start ? "does not end after it starts"
                : cue.End >= videoDuration ? string.Create(CultureInfo.InvariantCulture, $"ends at or after the end of the video ({videoDuration:0.000}s)")
                : i > 0 && cues[i - 1] is { } previous && cue.Start < previous.End
                    ? string.Create(CultureInfo.InvariantCulture, $"starts before cue {i} ends ({previous.End:0.000}s)")
                : null;

            if (problem is not null)
            {
                throw new InvalidCaptionTrackException(
                    i + 1,
                    string.Create(CultureInfo.InvariantCulture, $"Caption cue {i + 1} of {cues.Count} [{cue.Start:0.000}s -> {cue.End:0.000}s] \"{cue.Text}\" {problem}."));
            }
        }
    }

    internal static double LatestEnd(double videoDuration) => videoDuration - ShortestCue;

    internal static void ThrowIfBadDuration(double videoDuration)
    {
        if (!double.IsFinite(videoDuration) || videoDuration <= 2 * ShortestCue)
        {
            throw new ArgumentOutOfRangeException(nameof(videoDuration), videoDuration, "Video duration must be a positive, finite number of seconds.");
        }
    }
}
