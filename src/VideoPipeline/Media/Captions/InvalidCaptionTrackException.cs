namespace VideoPipeline.Media.Captions;

/// <summary>A caption track breaks an invariant (ordering, overlap, bounds). <see cref="CueNumber"/> is 1-based, as in SRT.</summary>
public sealed class InvalidCaptionTrackException(int cueNumber, string message) : Exception(message)
{
    public int CueNumber { get; } = cueNumber;
}
