namespace VideoPipeline.Providers.Offline.Planning;

/// <summary>
/// One concrete word the planner knows how to show.
/// <paramref name="Visual"/> is how a shot description names it ("a steaming cup of coffee");
/// <paramref name="Verbs"/> overrides the category's verbs ("riding" a bike, not "driving" it).
/// </summary>
internal sealed record LexiconEntry(
    string Word,
    WordKind Kind,
    ItemCategory Category = ItemCategory.General,
    string? Visual = null,
    IReadOnlyList<string>? Verbs = null,
    string? IdleAction = null);
