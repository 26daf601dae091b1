namespace VideoPipeline.Media.Captions;

/// <summary>
/// A script word placed on the audio timeline. <see cref="Matched"/> is true when the recognizer
/// heard this word (exactly or nearly); false when its times were taken from a substitution or interpolated.
/// </summary>
public sealed record TimedWord(string Text, double Start, double End, bool Matched);
