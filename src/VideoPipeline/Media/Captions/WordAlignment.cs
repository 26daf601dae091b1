namespace VideoPipeline.Media.Captions;

/// <summary>
/// Script words with times, plus how much of the script the recognizer confirmed:
/// the share of speakable words whose tokens all matched. A low ratio means captions may drift.
/// </summary>
public sealed record WordAlignment(IReadOnlyList<TimedWord> Words, double MatchedRatio);
