namespace VideoPipeline.Providers.Offline.Planning;

/// <summary>The role a lexicon word plays in a scene.</summary>
internal enum WordKind
{
    Person,
    Animal,
    Character,
    Item,
    Object,
    Setting,
}
