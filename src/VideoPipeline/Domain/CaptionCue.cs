namespace VideoPipeline.Domain;

/// <summary>One caption on the final timeline; times in seconds.</summary>
public sealed record CaptionCue(double Start, double End, string Text)
{
    public double Duration => End - Start;
}
