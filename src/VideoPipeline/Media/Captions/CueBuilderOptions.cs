namespace VideoPipeline.Media.Captions;

public sealed record CueBuilderOptions
{
    /// <summary>How long a cue stays up after its last word ends, unless the next cue starts first.</summary>
    public double HoldSeconds { get; init; } = 0.15;

    /// <summary>Shortest cue worth showing; applied only where the next cue leaves room.</summary>
    public double MinimumDurationSeconds { get; init; } = 0.4;
}
