namespace VideoPipeline.Providers.Offline.Planning;

/// <summary>
/// Everything the planner knows about a request before writing scenes: the parsed prompt,
/// the concrete things it names, where and when it happens, and the filled template slots.
/// </summary>
internal sealed record PlanContext
{
    public required PromptParts Parts { get; init; }
    public required ItemCategory Category { get; init; }

    /// <summary>The product or main object ("coffee"); null when the prompt names none we know.</summary>
    public LexiconEntry? Item { get; init; }

    /// <summary>A named person word ("family"), or null.</summary>
    public LexiconEntry? People { get; init; }

    /// <summary>Someone is on screen: named, implied by the theme ("routine"), or a tutorial's hands.</summary>
    public bool HasPerson { get; init; }

    /// <summary>An animal or character the video follows ("robot", "bees").</summary>
    public LexiconEntry? Creature { get; init; }

    /// <summary>A secondary prop named in the prompt ("mug").</summary>
    public LexiconEntry? Prop { get; init; }

    public required string Setting { get; init; }
    public string? Time { get; init; }

    /// <summary>Slots for narration templates; every value is plain spoken text.</summary>
    public required IReadOnlyDictionary<string, string?> SpokenSlots { get; init; }

    /// <summary>Slots for shot descriptions; these may keep brand names and casing.</summary>
    public required IReadOnlyDictionary<string, string?> VisualSlots { get; init; }

    /// <summary>What the generic shots point the camera at ("a steaming cup of coffee").</summary>
    public required string MainVisual { get; init; }

    public bool HasAnythingConcrete => this.Item is not null || this.HasPerson || this.Creature is not null || this.Prop is not null;
}
