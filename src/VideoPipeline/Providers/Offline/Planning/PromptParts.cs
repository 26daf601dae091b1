namespace VideoPipeline.Providers.Offline.Planning;

/// <summary>
/// A prompt taken apart: "A 30-second ad for a new coffee brand showing morning routine" gives
/// format Ad, subject "a new coffee brand" and theme "morning routine". Texts keep the prompt's casing.
/// </summary>
internal sealed record PromptParts
{
    public required VideoFormat Format { get; init; }

    /// <summary>What the video is about or sells; empty when the prompt only names a format ("a 30-second ad").</summary>
    public required string Subject { get; init; }

    /// <summary>What the video shows around the subject ("showing/featuring/about/with ...").</summary>
    public string? Theme { get; init; }

    /// <summary>A verb phrase after "who/that/which" ("finds a friend").</summary>
    public string? Plot { get; init; }

    /// <summary>Who it is for ("for busy parents").</summary>
    public string? Audience { get; init; }

    /// <summary>The prompt without its duration words, for keyword scans.</summary>
    public required string Text { get; init; }

    /// <summary>Lower-case tokens that look like brand names or abbreviations; kept out of narration.</summary>
    public IReadOnlySet<string> BrandWords { get; init; } = new HashSet<string>();
}
