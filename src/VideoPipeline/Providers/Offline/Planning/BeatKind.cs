namespace VideoPipeline.Providers.Offline.Planning;

/// <summary>What a scene does in the video's arc; each format has its own beats.</summary>
internal enum BeatKind
{
    // Ad
    Hook,
    Problem,
    Reveal,
    Benefit,
    CallToAction,

    // Tutorial
    Intro,
    Prepare,
    Step,
    Tip,
    Result,
    Outro,

    // Story
    Opening,
    Character,
    Incident,
    Struggle,
    Turn,
    Resolution,
    Ending,

    // Documentary
    Introduction,
    Context,
    Detail,
    Insight,
    Closing,
}
