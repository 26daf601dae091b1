namespace VideoPipeline.Providers.Offline.Planning;

/// <summary>
/// The small vocabulary of concrete things the planner can put on screen. Deliberately short:
/// anything not listed still appears in descriptions through the prompt's own words.
/// </summary>
internal static class KeywordLexicon
{
    private static readonly Dictionary<string, LexiconEntry> Entries = Build();

    /// <summary>Words that imply someone on screen even when no person is named ("morning routine").</summary>
    public static IReadOnlySet<string> ImpliedPersonWords { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "routine", "lifestyle", "life", "workout", "commute", "habit", "habits", "journey", "daily", "everyday",
    };

    /// <summary>The entry for a lower-case word, trying the singular of a plural too.</summary>
    public static LexiconEntry? Find(string word)
    {
        if (Entries.TryGetValue(word, out var entry))
        {
            return entry;
        }

        if (word.Length > 3 && word.EndsWith("es", StringComparison.Ordinal) && Entries.TryGetValue(word[..^2], out entry))
        {
            return entry with { Word = word };
        }

        return word.Length > 3 && word.EndsWith('s') && Entries.TryGetValue(word[..^1], out entry)
            ? entry with { Word = word }
            : null;
    }

    private static Dictionary<string, LexiconEntry> Build()
    {
        var entries = new Dictionary<string, LexiconEntry>(StringComparer.Ordinal);

        void Add(WordKind kind, ItemCategory category, params string[] words)
        {
            foreach (var word in words)
            {
                entries[word] = new LexiconEntry(word, kind, category);
            }
        }

        void AddItem(string word, ItemCategory category, string? visual = null, string[]? verbs = null, string? idle = null) =>
            entries[word] = new LexiconEntry(word, WordKind.Item, category, visual, verbs, idle);

        Add(WordKind.Person, ItemCategory.General,
            "person", "people", "man", "men", "woman", "women", "family", "kid", "kids", "child", "children",
            "friend", "customer", "couple", "chef", "barista", "student", "teacher", "team", "worker",
            "athlete", "runner", "mom", "mother", "dad", "father", "parent", "baby", "girl", "boy", "doctor",
            "nurse", "farmer", "owner", "traveler", "commuter", "gamer", "developer", "designer", "artist",
            "musician", "dancer", "grandmother", "grandfather", "teen", "teenager", "beginner", "cyclist", "baker", "player", "driver", "crowd", "fan");
        Add(WordKind.Animal, ItemCategory.General,
            "dog", "puppy", "cat", "kitten", "bird", "bee", "horse", "fish", "whale", "fox", "bear", "lion",
            "elephant", "owl", "butterfly", "butterflies", "wolf", "turtle", "penguin", "penguins");
        Add(WordKind.Character, ItemCategory.General,
            "robot", "dragon", "alien", "monster", "hero", "knight", "princess", "wizard", "ghost");
        Add(WordKind.Object, ItemCategory.General,
            "mug", "cup", "book", "window", "plant", "flower", "guitar", "piano", "ball", "map", "notebook",
            "umbrella", "kite", "boat", "tent", "desk", "clock", "alarm", "table", "letter", "key", "lamp");
        Add(WordKind.Setting, ItemCategory.General,
            "kitchen", "office", "beach", "park", "city", "street", "forest", "mountain", "garden", "home",
            "house", "farm", "lake", "river", "ocean", "sea", "desert", "classroom", "bedroom", "backyard",
            "road", "trail", "field", "countryside", "downtown", "bathroom", "workshop", "village", "town",
            "library", "stadium", "airport", "market", "meadow", "island", "campsite");

        AddItem("coffee", ItemCategory.Drink, "a steaming cup of coffee", ["pouring", "sipping", "brewing", "holding", "enjoying", "sharing"], "steaming");
        AddItem("espresso", ItemCategory.Drink, "a fresh shot of espresso", idle: "steaming");
        AddItem("latte", ItemCategory.Drink, "a creamy latte", idle: "steaming");
        AddItem("tea", ItemCategory.Drink, "a steaming cup of tea", ["pouring", "sipping", "brewing", "holding", "enjoying", "sharing"], "steaming");
        foreach (var drink in new[] { "juice", "smoothie", "water", "soda", "lemonade", "milk", "drink", "beverage" })
        {
            AddItem(drink, ItemCategory.Drink, $"a cold glass of {drink}");
        }

        foreach (var food in new[] { "pizza", "bread", "cake", "cookie", "chocolate", "snack", "cereal", "burger", "salad", "pasta", "sandwich", "meal", "honey", "fruit", "cheese", "soup", "pastry", "donut" })
        {
            AddItem(food, ItemCategory.Food);
        }

        foreach (var tech in new[] { "app", "phone", "smartphone", "laptop", "computer", "tablet", "headphones", "earbuds", "speaker", "camera", "smartwatch", "software", "website", "platform", "gadget", "console", "drone", "keyboard", "printer" })
        {
            AddItem(tech, ItemCategory.Tech);
        }

        foreach (var apparel in new[] { "shoe", "sneaker", "boot", "shirt", "jacket", "dress", "jeans", "hat", "bag", "backpack", "sunglasses", "clothing", "clothes", "hoodie" })
        {
            AddItem(apparel, ItemCategory.Apparel);
        }

        foreach (var beauty in new[] { "skincare", "cream", "lotion", "soap", "shampoo", "perfume", "makeup", "lipstick", "serum" })
        {
            AddItem(beauty, ItemCategory.Beauty, verbs: ["applying", "holding", "testing", "enjoying"]);
        }

        foreach (var home in new[] { "sofa", "couch", "chair", "bed", "mattress", "furniture", "candle", "blanket", "pillow", "rug" })
        {
            AddItem(home, ItemCategory.Home);
        }

        foreach (var ridden in new[] { "bike", "bicycle", "scooter", "motorcycle", "skateboard" })
        {
            AddItem(ridden, ItemCategory.Vehicle, verbs: ["riding", "parking", "checking", "cleaning"]);
        }

        AddItem("car", ItemCategory.Vehicle);
        AddItem("truck", ItemCategory.Vehicle);

        foreach (var service in new[] { "bakery", "cafe", "restaurant", "gym", "store", "shop", "hotel", "bank", "salon", "clinic", "school", "course", "studio", "agency", "bookstore" })
        {
            AddItem(service, ItemCategory.Service);
        }

        foreach (var fitness in new[] { "yoga", "mat", "dumbbell", "treadmill", "bottle" })
        {
            AddItem(fitness, ItemCategory.Fitness);
        }

        return entries;
    }
}
