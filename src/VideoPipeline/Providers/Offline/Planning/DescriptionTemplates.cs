namespace VideoPipeline.Providers.Offline.Planning;

/// <summary>
/// Shot descriptions per beat in seed 002's style ("Wide shot of morning kitchen"): shot type,
/// subject, setting. Slots: {setting}, {time}, {time_adj}, {person}, {action}, {product_visual},
/// {brand_shot}, {topic_visual}, {hero_visual}, {hero_action}.
/// </summary>
internal static class DescriptionTemplates
{
    /// <summary>Shot types the generic fallbacks cycle through when a beat's own templates are used up.</summary>
    public static IReadOnlyList<string> ShotTypes { get; } =
    [
        "Wide shot", "Medium shot", "Close-up", "Over-the-shoulder shot", "Tracking shot", "Overhead shot",
        "Low-angle shot", "Slow push-in on", "Handheld shot", "Dolly shot", "Side-angle shot", "Static shot",
        "Slow pan across", "Macro shot", "High-angle shot",
    ];

    private static readonly Dictionary<BeatKind, string[]> Templates = new()
    {
        [BeatKind.Hook] = ["Wide shot of a {time_adj} {setting} in the {time}", "Wide shot of a quiet {setting}", "Establishing shot of a {setting} as the day begins"],
        [BeatKind.Problem] = ["Medium shot of {person} {action} in the {setting}", "Handheld shot of {person} in a busy {setting}", "Handheld shot of a busy {setting}"],
        [BeatKind.Reveal] = ["Close-up of {product_visual}", "Slow push-in on {brand_shot}", "Macro shot of {product_visual} in soft light"],
        [BeatKind.Benefit] =
        [
            "Close-up of {person} {action}", "Over-the-shoulder shot of {person} {action} by a window",
            "Low-angle shot of {person} {action} in the {setting}", "Tracking shot of {person} smiling in the {setting}",
            "Detail shot of {product_visual}", "Medium shot of {product_visual} on a table",
        ],
        [BeatKind.CallToAction] = ["Hero shot of {brand_shot} with space for text", "Final close-up of {product_visual} with room for a title"],
        [BeatKind.Intro] = ["Wide shot of a {setting} ready for the lesson", "Title shot of {product_visual} on a clean table"],
        [BeatKind.Prepare] = ["Overhead shot of tools and materials laid out on a table", "Close-up of hands gathering what is needed"],
        [BeatKind.Step] =
        [
            "Overhead shot of hands {action}", "Close-up of hands at work on the next step", "Medium shot of {person} {action} in the {setting}",
            "Detail shot of the work in progress", "Side-angle shot of hands {action}", "Over-the-shoulder shot of {person} checking the progress",
        ],
        [BeatKind.Tip] = ["Extreme close-up of a small detail that matters"],
        [BeatKind.Result] = ["Slow push-in on the finished result", "Hero shot of {product_visual}, finished"],
        [BeatKind.Outro] = ["Medium shot of {person} smiling at the finished result", "Wide shot of the finished result with space for text"],
        [BeatKind.Opening] = ["Wide establishing shot of a {time_adj} {setting} in the {time}", "Wide establishing shot of a quiet {setting}"],
        [BeatKind.Character] = ["Medium shot of {hero_visual} {hero_action}", "Medium shot of {hero_visual} alone in the {setting}"],
        [BeatKind.Incident] = ["Close-up of {hero_visual} noticing something new", "Dolly shot of {hero_visual} as something changes"],
        [BeatKind.Struggle] =
        [
            "Low-angle shot of {hero_visual} pushing forward", "Handheld shot of {hero_visual} facing a setback",
            "Wide shot of {hero_visual} small against the {setting}", "Close-up of {hero_visual} catching a breath",
            "Tracking shot of {hero_visual} trying again",
        ],
        [BeatKind.Turn] = ["Close-up of {hero_visual} as the mood lifts"],
        [BeatKind.Resolution] = ["Warm medium shot of {hero_visual} at peace", "Medium shot of {hero_visual} smiling"],
        [BeatKind.Ending] = ["Slow pull-back from {hero_visual} to a wide shot of the {setting}", "Wide closing shot of the {setting}"],
        [BeatKind.Introduction] = ["Wide establishing shot of {topic_visual}", "Aerial shot over a {setting}"],
        [BeatKind.Context] = ["Montage of everyday life connected to {topic_visual}", "Medium shot of people in a {setting}"],
        [BeatKind.Detail] =
        [
            "Macro shot of {topic_visual}", "Close-up detail of {topic_visual}", "Slow pan across {topic_visual}",
            "Tracking shot following {topic_visual}", "Overhead shot of {topic_visual}", "Low-angle shot of {topic_visual}",
        ],
        [BeatKind.Insight] = ["Medium shot of an expert explaining {topic_visual}"],
        [BeatKind.Closing] = ["Wide closing shot of {topic_visual} at dusk", "Slow pull-back from {topic_visual}"],
    };

    public static IReadOnlyList<string> For(BeatKind beat) => Templates[beat];
}
