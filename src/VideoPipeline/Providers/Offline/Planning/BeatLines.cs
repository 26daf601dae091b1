namespace VideoPipeline.Providers.Offline.Planning;

/// <summary>
/// The spoken lines for one beat. A scene opens with one lead, may add follows that read well
/// after any lead, and falls back to <paramref name="Short"/> (three words or fewer) when no lead fits.
/// </summary>
internal sealed record BeatLines(IReadOnlyList<string> Leads, IReadOnlyList<string> Follows, string Short);
