using VideoPipeline.Domain;

namespace VideoPipeline.Providers.Offline.Planning;

/// <summary>
/// Who and what is in each shot (seed 002's entities). Each beat prefers some roles; people get a
/// "verb_object" action cycled over scenes ("pouring_coffee", "sipping_coffee", ...).
/// </summary>
internal sealed class EntityPlanner(PlanContext context)
{
    private enum Role
    {
        Person,
        Item,
        Creature,
        Prop,

        /// <summary>Whoever the story follows: its animal or character, else its person.</summary>
        Hero,
    }

    private static readonly string[] ObjectlessActions = ["looking_around", "walking_forward", "smiling_warmly", "pausing_to_think"];
    private static readonly string[] TaskVerbs = ["preparing", "measuring", "handling", "checking", "adjusting", "finishing"];
    private static readonly string[] TaskActions = ["working_carefully", "following_the_steps", "checking_the_work", "adjusting_the_setup", "finishing_up"];
    private static readonly string[] VisitorActions = ["walking_in", "browsing_around", "ordering_at_the_counter", "chatting_with_staff", "smiling_on_the_way_out"];
    private static readonly string[] CreatureActions = ["looking_around", "moving_forward", "exploring", "resting", "searching", "turning_back"];

    public IReadOnlyList<SceneEntity> For(BeatKind beat, int sceneIndex)
    {
        var entities = RolesFor(beat)
            .Select(role => this.Entity(role, sceneIndex))
            .OfType<SceneEntity>()
            .ToList();

        if (entities.Count == 0)
        {
            // Every scene shows something concrete when the prompt names anything at all.
            var fallback = new[] { Role.Person, Role.Item, Role.Creature, Role.Prop }
                .Select(role => this.Entity(role, sceneIndex))
                .FirstOrDefault(e => e is not null);
            if (fallback is not null)
            {
                entities.Add(fallback);
            }
        }

        return entities;
    }

    /// <summary>The person's action in a scene, e.g. "pouring_coffee"; also used to word the shot description.</summary>
    public string PersonAction(int sceneIndex)
    {
        // A tutorial's hands do the task; they do not sip or share what they are making.
        if (context.Parts.Format == VideoFormat.Tutorial)
        {
            return context.Item is null
                ? TaskActions[sceneIndex % TaskActions.Length]
                : $"{TaskVerbs[sceneIndex % TaskVerbs.Length]}_{context.Item.Word.Replace(' ', '_')}";
        }

        if (context.Item is null)
        {
            return ObjectlessActions[sceneIndex % ObjectlessActions.Length];
        }

        // A place is visited, not held: "ordering_at_the_counter", never "enjoying_bakery".
        if (context.Category == ItemCategory.Service)
        {
            return VisitorActions[sceneIndex % VisitorActions.Length];
        }

        var verbs = context.Item.Verbs ?? CategoryProfile.For(context.Category).Verbs;
        return $"{verbs[sceneIndex % verbs.Count]}_{context.Item.Word.Replace(' ', '_')}";
    }

    public static string CreatureAction(int sceneIndex) => CreatureActions[sceneIndex % CreatureActions.Length];

    private static Role[] RolesFor(BeatKind beat) => beat switch
    {
        BeatKind.Hook or BeatKind.Problem or BeatKind.Tip or BeatKind.Outro or BeatKind.Context or BeatKind.Insight => [Role.Person],
        BeatKind.Reveal or BeatKind.Intro or BeatKind.Result => [Role.Item],
        BeatKind.Benefit or BeatKind.Prepare or BeatKind.Step => [Role.Person, Role.Item],
        BeatKind.CallToAction => [Role.Item, Role.Person],
        BeatKind.Introduction or BeatKind.Detail or BeatKind.Closing => [Role.Creature, Role.Item],
        _ => [Role.Hero, Role.Prop],
    };

    private SceneEntity? Entity(Role role, int sceneIndex) => role switch
    {
        Role.Person when context.HasPerson => new SceneEntity("person", "center", this.PersonAction(sceneIndex)),
        Role.Item when context.Item is { Category: ItemCategory.Service } => new SceneEntity("place", "background", "open_for_business"),
        Role.Item when context.Item is not null => new SceneEntity(
            context.Parts.Format == VideoFormat.Ad ? "product" : "object",
            "foreground",
            context.Item.IdleAction ?? "on_display"),
        Role.Creature when context.Creature is not null => new SceneEntity(
            context.Creature.Kind == WordKind.Animal ? "animal" : "character",
            "center",
            CreatureAction(sceneIndex)),
        Role.Prop when context.Prop is not null => new SceneEntity("object", "background", "static"),
        Role.Hero => this.Entity(context.Creature is not null ? Role.Creature : Role.Person, sceneIndex),
        _ => null,
    };
}
