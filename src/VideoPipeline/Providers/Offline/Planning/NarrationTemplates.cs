namespace VideoPipeline.Providers.Offline.Planning;

/// <summary>
/// Spoken lines per beat, best first. Lines are short, plain and made of common words: festival
/// reads them and pocketsphinx must recognise them again (lines it misheard, such as "Meet our new
/// coffee" and "Smooth, rich taste in every sip", were reworded or moved down). Slots: {product} ("our new coffee"),
/// {is} and {was} (to agree with the product or hero), {theme} ("your morning routine"), {time} and {times}
/// ("morning", "mornings"), {topic}, {howto}, {hero}, {hero_a} and {plot}.
/// </summary>
internal static class NarrationTemplates
{
    private static readonly Dictionary<BeatKind, BeatLines> Lines = new()
    {
        [BeatKind.Hook] = new(
            ["Every {time} starts the same way.", "Picture {theme}.", "We all want a better start.",
             "What if every day felt a little easier?", "Some days need a little help."],
            ["You know the feeling.", "It happens to all of us."],
            "Picture this."),
        [BeatKind.Problem] = new(
            ["{times} can feel rushed.", "It starts with {theme}.", "Life moves fast.",
             "You want something simple that just works.", "Busy days need a good start.", "There has to be a better way."],
            ["Life moves fast.", "You deserve a moment for yourself.", "There has to be a better way."],
            "Life is busy."),
        [BeatKind.Reveal] = new(
            ["Say hello to {product}.", "This is {product}.", "{product} {is} here.", "Meet {product}."],
            ["Made with care, just for you.", "It is finally here.", "Simple, honest, and made for you."],
            "Here it is."),
        [BeatKind.Benefit] = new(
            ["It fits right into {theme}.", "Your {time} just got better.", "Made with care, for people like you.",
             "Simple, reliable, and ready when you are.", "Quality you can feel every day.", "Small details make a big difference."],
            ["Enjoy every moment.", "You will notice the difference.", "It is easy to love.", "It just feels right."],
            "Enjoy it."),
        [BeatKind.CallToAction] = new(
            ["Try {product} today.", "Make it part of {theme}.", "Give it a try today."],
            ["You will be glad you did.", "Make it part of {theme}."],
            "Try it today."),
        [BeatKind.Intro] = new(
            ["Today, we look at {topic}.", "Let us learn {howto}.", "Want to learn something new?", "It is easier than you think."],
            ["Let us get started.", "It is easier than you think."],
            "Let us begin."),
        [BeatKind.Prepare] = new(
            ["First, get everything ready.", "Start with a clean space.", "Keep your tools close by."],
            ["Keep your tools close by.", "This will save you time."],
            "First things first."),
        [BeatKind.Step] = new(
            ["Now, follow each step in order.", "Take your time with this part.", "Go slow and check as you go.",
             "Then, move on to the next step.", "Check your work before moving on.", "Now, do that once more."],
            ["Small steps add up.", "Keep going, you are doing great.", "Nice and easy."],
            "Keep going."),
        [BeatKind.Tip] = new(
            ["Here is a tip. Slow and steady works best.", "Do not rush this part.", "A little patience goes a long way."],
            ["It makes a big difference."],
            "Go slow."),
        [BeatKind.Result] = new(
            ["Now you know {howto}.", "Look at what you made.", "See how easy that was?"],
            ["Well done."],
            "That is it."),
        [BeatKind.Outro] = new(
            ["Now it is your turn to try.", "Give it a try today.", "See you next time."],
            ["Thanks for watching."],
            "Thanks for watching."),
        [BeatKind.Opening] = new(
            ["Once upon a time, there {was} {hero_a}.", "It was a quiet {time}.", "This is the story of {hero_a}.", "It all began one quiet day."],
            ["It was a quiet {time}.", "Life was simple."],
            "Once, long ago."),
        [BeatKind.Character] = new(
            ["Every day felt the same.", "{hero} had a simple dream.", "Life was simple, and a little lonely.",
             "Nobody noticed, but things were about to change."],
            ["Nobody noticed.", "Days went by."],
            "Days went by."),
        [BeatKind.Incident] = new(
            ["This is how {hero} {plot}.", "Then, one day, something changed.", "Nothing would ever be the same."],
            ["Nothing would ever be the same."],
            "Then it happened."),
        [BeatKind.Struggle] = new(
            ["It was not easy at first.", "But {hero} kept going.", "There were hard days along the way.",
             "Sometimes it felt like too much.", "Still, {hero} did not give up.", "Every step was a little harder."],
            ["There was no turning back."],
            "It was hard."),
        [BeatKind.Turn] = new(
            ["Then came a small surprise.", "And slowly, things began to change.", "Hope was closer than it seemed."],
            ["Hope was closer than it seemed."],
            "Then, a change."),
        [BeatKind.Resolution] = new(
            ["In the end, it was all worth it.", "Everything finally felt right.", "Sometimes the smallest moments matter most."],
            ["And that was enough."],
            "All was well."),
        [BeatKind.Ending] = new(
            ["And that is how it all began.", "Some stories stay with you."],
            ["Some stories stay with you."],
            "The end."),
        [BeatKind.Introduction] = new(
            ["Let us take a closer look at {topic}.", "This is the story of {topic}.", "Have you ever wondered about {topic}?",
             "There is more here than meets the eye."],
            ["There is more here than meets the eye."],
            "Look closer."),
        [BeatKind.Context] = new(
            ["It is closer to us than we think.", "Many people never stop to think about it.", "It touches more lives than you might think."],
            ["And it matters."],
            "Look around."),
        [BeatKind.Detail] = new(
            ["Every detail tells a story.", "Small things make a big difference.", "Each part has a role to play.",
             "It takes time, care, and patience.", "The more you look, the more you see.", "Nothing here is wasted."],
            ["Look a little closer.", "Every part counts."],
            "Look again."),
        [BeatKind.Insight] = new(
            ["What we learn here matters.", "It changes the way we see things."],
            ["It all connects."],
            "It all connects."),
        [BeatKind.Closing] = new(
            ["Next time, take a closer look.", "There is always more to discover."],
            ["Thanks for watching."],
            "Thanks for watching."),
    };

    // Benefit leads that only make sense for one kind of product; woven in with the general ones.
    private static readonly Dictionary<ItemCategory, string[]> BenefitsByCategory = new()
    {
        [ItemCategory.Drink] = ["Rich and full of flavor.", "Fresh flavor, every single time.", "Take a sip and slow down."],
        [ItemCategory.Food] = ["Fresh taste in every bite.", "Made with simple, good food.", "Share it with the people you love."],
        [ItemCategory.Tech] = ["Fast, simple, and easy to use.", "It just works, every time.", "Less time waiting, more time doing."],
        [ItemCategory.Apparel] = ["Comfort that lasts all day.", "Light, strong, and ready to move.", "Made to keep up with you."],
        [ItemCategory.Beauty] = ["Gentle care for every day.", "Feel fresh from the very first use.", "Made to help you shine."],
        [ItemCategory.Home] = ["Make your home feel like home.", "Comfort you can come back to.", "Simple design that fits your space."],
        [ItemCategory.Vehicle] = ["Built for the road ahead.", "Smooth, quiet, and ready to go.", "Every trip feels easy."],
        [ItemCategory.Service] = ["Friendly people, ready to help.", "We make it easy for you.", "Come as you are, leave happy."],
        [ItemCategory.Fitness] = ["Move more and feel better.", "Built for every workout.", "Stay strong, one day at a time."],
    };

    private static readonly Dictionary<ItemCategory, string[]> CallsToActionByCategory = new()
    {
        [ItemCategory.Service] = ["Visit {product} today.", "Come and see us today."],
        [ItemCategory.Tech] = ["Get {product} today."],
    };

    /// <summary>The lines for a beat, with the category's own leads woven in.</summary>
    public static BeatLines For(BeatKind beat, ItemCategory category)
    {
        var lines = Lines[beat];
        return beat switch
        {
            BeatKind.Benefit when BenefitsByCategory.TryGetValue(category, out var own) => lines with { Leads = Interleave(own, lines.Leads) },
            BeatKind.CallToAction when CallsToActionByCategory.TryGetValue(category, out var own) => lines with { Leads = [.. own, .. lines.Leads] },
            _ => lines,
        };
    }

    /// <summary>Beats that repeat in long videos; their leads stand alone, so spare ones can pad a long scene.</summary>
    public static bool IsRepeatable(BeatKind beat) => beat is BeatKind.Benefit or BeatKind.Step or BeatKind.Struggle or BeatKind.Detail;

    private static List<string> Interleave(string[] first, IReadOnlyList<string> second)
    {
        var result = new List<string>(first.Length + second.Count);
        for (var i = 0; i < Math.Max(first.Length, second.Count); i++)
        {
            if (i < first.Length)
            {
                result.Add(first[i]);
            }

            if (i < second.Count)
            {
                result.Add(second[i]);
            }
        }

        return result;
    }
}
