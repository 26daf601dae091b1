namespace VideoPipeline.Providers.Offline.Planning;

/// <summary>
/// How a category of thing is shown: the -ing verbs people do with it (cycled over scenes),
/// where it is usually seen, and the call to action an ad for it ends on.
/// </summary>
internal sealed record CategoryProfile(IReadOnlyList<string> Verbs, string Setting, string CallToAction)
{
    public const string DefaultCallToAction = "Try it today!";

    private static readonly Dictionary<ItemCategory, CategoryProfile> Profiles = new()
    {
        [ItemCategory.General] = new(["holding", "using", "showing", "enjoying", "sharing"], "bright studio", DefaultCallToAction),
        [ItemCategory.Drink] = new(["pouring", "sipping", "holding", "enjoying", "sharing"], "kitchen", DefaultCallToAction),
        [ItemCategory.Food] = new(["cooking", "tasting", "serving", "sharing", "enjoying"], "kitchen", DefaultCallToAction),
        [ItemCategory.Tech] = new(["using", "holding", "unboxing", "checking", "sharing"], "home office", "Get it today!"),
        [ItemCategory.Apparel] = new(["wearing", "showing", "packing", "holding"], "city street", DefaultCallToAction),
        [ItemCategory.Beauty] = new(["applying", "holding", "testing", "enjoying"], "bathroom", DefaultCallToAction),
        [ItemCategory.Home] = new(["using", "arranging", "enjoying", "showing"], "living room", DefaultCallToAction),
        [ItemCategory.Vehicle] = new(["driving", "parking", "washing", "loading"], "open road", "Book a test drive!"),
        [ItemCategory.Service] = new(["visiting"], "", "Visit us today!"),
        [ItemCategory.Fitness] = new(["using", "carrying", "stretching_with", "training_with"], "gym", DefaultCallToAction),
    };

    public static CategoryProfile For(ItemCategory category) => Profiles[category];
}
