namespace VideoPipeline.Providers.Offline.Planning;

/// <summary>
/// How many words fit a scene. festival's voice speaks about 2.5 to 3 words a second, so 2.3 is
/// the most a scene may hold without being sped up and 2.0 leaves room to breathe.
/// </summary>
internal static class NarrationPace
{
    public const double MaxWordsPerSecond = 2.3;
    public const double TargetWordsPerSecond = 2.0;

    /// <summary>Never below three words, so any scene can carry one short sentence.</summary>
    public const int MinWords = 3;

    /// <summary>Words a scene holds at a natural pace; under three for scenes shorter than 1.3 s.</summary>
    public static int NaturalWords(double seconds) => (int)Math.Floor((seconds * MaxWordsPerSecond) + 1e-9);

    /// <summary>The budget the writer keeps to: the natural count, but room for one short sentence in any scene.</summary>
    public static int MaxWords(double seconds) => Math.Max(MinWords, NaturalWords(seconds));

    public static int TargetWords(double seconds) => Math.Max(MinWords, (int)Math.Floor((seconds * TargetWordsPerSecond) + 1e-9));

    /// <summary>One sentence per six seconds, at least two and at most five, so long scenes are not silent.</summary>
    public static int MaxSentences(double seconds) => Math.Clamp((int)Math.Ceiling(seconds / 6), 2, 5);
}
