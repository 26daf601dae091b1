namespace VideoPipeline.Providers.Offline.Planning;

/// <summary>What kind of thing a video is about; it picks verbs, settings and benefit lines.</summary>
internal enum ItemCategory
{
    General,
    Drink,
    Food,
    Tech,
    Apparel,
    Beauty,
    Home,
    Vehicle,
    Service,
    Fitness,
}
