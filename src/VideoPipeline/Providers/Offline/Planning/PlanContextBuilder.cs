namespace VideoPipeline.Providers.Offline.Planning;

/// <summary>Reads a parsed prompt against the lexicon and fills the template slots.</summary>
internal static class PlanContextBuilder
{
    // Words that name the seller rather than the thing sold: "a new coffee brand" is spoken as "our new coffee".
    private static readonly HashSet<string> GenericTails = new(StringComparer.Ordinal)
    {
        "brand", "brands", "company", "label", "business", "startup", "line", "range", "collection", "product", "products",
    };

    // A product phrase ends where a clause or prepositional phrase starts: "running shoes for women" → "running shoes".
    private static readonly HashSet<string> CutWords = new(StringComparer.Ordinal)
    {
        "for", "with", "in", "at", "from", "to", "by", "on", "that", "who", "which", "while", "where", "and",
    };

    // Uncountable heads that take no article: "about climate change", not "about the climate change".
    private static readonly HashSet<string> MassNouns = new(StringComparer.Ordinal)
    {
        "life", "love", "nature", "music", "food", "water", "coffee", "tea", "time", "work", "health", "fitness", "travel",
        "history", "science", "technology", "money", "energy", "weather", "art", "change", "sleep", "fun", "friendship",
        "success", "happiness", "comfort", "style", "cooking", "baking", "learning", "teamwork", "kindness", "hope",
    };

    // Nouns that merely end in -ing; a real gerund theme ("cooking with kids") takes no "your".
    private static readonly HashSet<string> IngNouns = new(StringComparer.Ordinal)
    {
        "morning", "evening", "spring", "king", "ring", "thing", "wedding", "building", "clothing", "ceiling",
        "string", "wing", "sibling", "pudding", "meeting", "painting", "ending", "beginning", "something", "everything",
    };

    // Topics that read as a question fit "Let us learn ..." and "Now you know ...": "how to brew coffee", "why leaves fall".
    private static readonly HashSet<string> QuestionWords = new(StringComparer.Ordinal) { "how", "what", "why", "when", "where", "who" };

    private const int MaxSpokenThemeWords = 6;
    private const int MaxSpokenTopicWords = 9;
    private const int MaxHeroWords = 5;
    private const int MaxVisualWords = 8;

    /// <param name="focus">A script chunk whose words come before the prompt's, so each scene shows what it narrates.</param>
    public static PlanContext Build(PromptParts parts, string? focus = null)
    {
        var format = parts.Format;
        var subjectWords = focus is null ? Words.Of(parts.Subject) : [.. Words.Of(focus), .. Words.Of(parts.Subject)];
        var allWords = focus is null ? Words.Of(parts.Text) : [.. Words.Of(focus), .. Words.Of(parts.Text)];

        var item = First(subjectWords, WordKind.Item) ?? First(allWords, WordKind.Item);
        var people = First(allWords, WordKind.Person);
        var creature = First(subjectWords, WordKind.Animal, WordKind.Character) ?? First(allWords, WordKind.Animal, WordKind.Character);
        var prop = First(allWords, WordKind.Object);
        var category = item?.Category ?? ItemCategory.General;

        // Ads show someone using the product (seed 002: a person pouring coffee); tutorials show hands at work.
        var hasPerson = people is not null
            || allWords.Any(KeywordLexicon.ImpliedPersonWords.Contains)
            || format == VideoFormat.Tutorial
            || (format == VideoFormat.Ad && item is not null);

        var setting = HomeRoom(First(allWords, WordKind.Setting)?.Word, item, category)
            ?? (category == ItemCategory.Service ? item!.Word : null)
            ?? (creature?.Kind == WordKind.Animal ? "meadow" : null)
            ?? (item is not null ? CategoryProfile.For(category).Setting : null)
            ?? format switch
            {
                VideoFormat.Ad => "bright studio",
                VideoFormat.Tutorial => "tidy workspace",
                VideoFormat.Story => "small town",
                _ => "open landscape",
            };
        var time = TimeOfDay.Find(allWords);

        var spokenSubject = SpokenText.Clean(parts.Subject, parts.BrandWords);
        var spokenItem = item is null ? null : SpokenText.Clean(item.Word, parts.BrandWords);
        var productPhrase = format == VideoFormat.Ad ? ProductPhrase(spokenSubject, spokenItem) : null;
        var topic = Words.Count(spokenSubject) is > 0 and <= MaxSpokenTopicWords ? spokenSubject : null;
        var heroA = format == VideoFormat.Story ? HeroPhrase(spokenSubject) : null;
        var plot = parts.Plot is null ? null : SpokenText.Clean(parts.Plot, parts.BrandWords);

        var spoken = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["product"] = productPhrase is null ? null : "our " + productPhrase,
            ["is"] = productPhrase is not null && Words.IsPlural(productPhrase) ? "are" : "is",
            ["item"] = spokenItem,
            ["theme"] = SpokenTheme(parts, format),
            ["time"] = time,
            ["times"] = time is null ? null : time + "s",
            ["topic"] = topic,
            ["howto"] = topic is not null && QuestionWords.Contains(topic.Split(' ')[0]) ? topic : null,
            ["hero_a"] = heroA,
            ["was"] = heroA is not null && Words.IsPlural(heroA) ? "were" : "was",
            ["hero"] = heroA is null ? null : Words.Definite(heroA),
            ["plot"] = plot is not null && Words.Count(plot) <= MaxSpokenThemeWords ? plot : null,
        };

        // A subject that describes a scene ("a family enjoying pizza") or runs long is shown by its item instead.
        var subjectCore = Cap(Words.WithoutDeterminer(parts.Subject), MaxVisualWords);
        var subjectIsScene = Words.Of(parts.Subject).Any(w => KeywordLexicon.Find(w)?.Kind == WordKind.Person) || Words.Count(subjectCore) > 6;
        var shownSubject = (subjectIsScene || subjectCore.Length == 0) && item is not null ? item.Word
            : subjectCore.Length == 0 ? (format == VideoFormat.Ad ? "product" : setting)
            : subjectCore;
        var productVisual = item?.Visual ?? "the " + shownSubject;
        var heroVisual = format == VideoFormat.Story && heroA is not null
            ? Words.Definite(Cap(parts.Subject, MaxHeroWords))
            : creature is not null ? "the " + creature.Word : people is not null ? PersonVisual(people) : "the main character";
        var topicVisual = parts.Subject.Length == 0 ? "the " + shownSubject : LowerLeadingDeterminer(Cap(parts.Subject, MaxVisualWords));

        var visual = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["setting"] = setting,
            ["time"] = time,
            ["time_adj"] = TimeOfDay.AdjectiveFor(time),
            ["person"] = hasPerson ? PersonVisual(people) : null,
            ["item"] = item?.Word,
            ["product_visual"] = productVisual,
            ["brand_shot"] = "the " + shownSubject,
            ["topic_visual"] = topicVisual,
            ["hero_visual"] = heroVisual,
        };

        return new PlanContext
        {
            Parts = parts,
            Category = category,
            Item = item,
            People = people,
            HasPerson = hasPerson,
            Creature = creature,
            Prop = prop,
            Setting = setting,
            Time = time,
            SpokenSlots = spoken,
            VisualSlots = visual,
            MainVisual = format switch
            {
                VideoFormat.Ad => productVisual,
                VideoFormat.Story => heroVisual,
                VideoFormat.Tutorial => item is not null ? productVisual : topicVisual,
                _ => topicVisual,
            },
        };
    }

    // "at home" with coffee is a home kitchen: the room the item belongs in, not a whole house.
    private static string? HomeRoom(string? setting, LexiconEntry? item, ItemCategory category)
    {
        if (setting is not ("home" or "house"))
        {
            return setting;
        }

        if (item is null || category is ItemCategory.Service or ItemCategory.General)
        {
            return "living room";
        }

        var room = CategoryProfile.For(category).Setting;
        return room.StartsWith("home", StringComparison.Ordinal) ? room : "home " + room;
    }

    /// <summary>"a group of friends", "a family", "a person".</summary>
    public static string PersonVisual(LexiconEntry? people) => people switch
    {
        null => "a person",
        _ when Words.IsPlural(people.Word) => "a group of " + people.Word,
        _ => "a " + people.Word,
    };

    private static LexiconEntry? First(IReadOnlyList<string> words, params WordKind[] kinds)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var entry = KeywordLexicon.Find(words[i]);
            if (entry is not null && kinds.Contains(entry.Kind) && !IsModifier(words, i))
            {
                return entry;
            }
        }

        return null;
    }

    // In "honey bees" or "coffee shop" the first noun only describes the second, which is the real subject.
    private static bool IsModifier(IReadOnlyList<string> words, int index) =>
        index + 1 < words.Count
        && KeywordLexicon.Find(words[index + 1]) is { Kind: WordKind.Item or WordKind.Animal or WordKind.Character };

    /// <summary>"a new coffee brand" → "new coffee"; "running shoes for women" → "running shoes".</summary>
    private static string? ProductPhrase(string spokenSubject, string? spokenItem)
    {
        var words = spokenSubject.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var cut = words.FindIndex(CutWords.Contains);
        if (cut >= 0)
        {
            words = words[..cut];
        }

        // "a line of running shoes" → "running shoes".
        var of = words.IndexOf("of");
        if (of > 0 && GenericTails.Contains(words[of - 1]))
        {
            words = words[(of + 1)..];
        }

        words = words.SkipWhile(Words.IsDeterminer).ToList();
        while (words.Count > 1 && GenericTails.Contains(words[^1]))
        {
            words.RemoveAt(words.Count - 1);
        }

        // A subject that describes a scene ("a family enjoying pizza") is not a product name; the item is.
        if (words.Count == 0 || words.Any(w => KeywordLexicon.Find(w)?.Kind == WordKind.Person) || words.Contains("of"))
        {
            return spokenItem;
        }

        return string.Join(' ', words.TakeLast(4));
    }

    private static string? HeroPhrase(string spokenSubject)
    {
        if (Words.Count(spokenSubject) is 0 or > MaxHeroWords)
        {
            return null;
        }

        return Words.StartsWithDeterminer(spokenSubject) || Words.IsPlural(spokenSubject) ? spokenSubject : "a " + spokenSubject;
    }

    /// <summary>"morning routine" → "your morning routine" in an ad; plurals and mass nouns stay bare.</summary>
    private static string? SpokenTheme(PromptParts parts, VideoFormat format)
    {
        if (parts.Theme is null)
        {
            return null;
        }

        var theme = SpokenText.Clean(parts.Theme, parts.BrandWords);
        var count = Words.Count(theme);
        if (count is 0 or > MaxSpokenThemeWords)
        {
            return null;
        }

        var first = theme.Split(' ')[0];
        var last = theme.Split(' ')[^1];
        if (Words.IsDeterminer(first) || Words.IsPlural(theme) || MassNouns.Contains(last) || (first.EndsWith("ing", StringComparison.Ordinal) && !IngNouns.Contains(first)))
        {
            return theme;
        }

        return (format is VideoFormat.Ad or VideoFormat.Tutorial ? "your " : "the ") + theme;
    }

    private static string Cap(string phrase, int maxWords)
    {
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= maxWords ? phrase : string.Join(' ', words.Take(maxWords));
    }

    private static string LowerLeadingDeterminer(string phrase)
    {
        var parts = phrase.Split(' ', 2);
        return Words.IsDeterminer(parts[0]) ? parts[0].ToLowerInvariant() + (parts.Length == 2 ? " " + parts[1] : "") : phrase;
    }
}
