using static VideoPipeline.Providers.Offline.Planning.BeatKind;

namespace VideoPipeline.Providers.Offline.Planning;

/// <summary>
/// The beats for a format and scene count. Short videos keep the beats that matter most
/// (an ad always ends on its call to action); long ones repeat the middle beat.
/// </summary>
internal static class BeatSheet
{
    public static IReadOnlyList<BeatKind> For(VideoFormat format, int sceneCount) => format switch
    {
        VideoFormat.Ad => sceneCount switch
        {
            1 => [CallToAction],
            2 => [Reveal, CallToAction],
            3 => [Hook, Reveal, CallToAction],
            _ => [Hook, Problem, Reveal, .. Repeat(Benefit, sceneCount - 4), CallToAction],
        },
        VideoFormat.Tutorial => sceneCount switch
        {
            1 => [Intro],
            2 => [Intro, Outro],
            3 => [Intro, Step, Outro],
            4 => [Intro, Prepare, Step, Outro],
            _ => [Intro, Prepare, .. Steps(sceneCount - 4), Result, Outro],
        },
        VideoFormat.Story => sceneCount switch
        {
            1 => [Opening],
            2 => [Opening, Ending],
            3 => [Opening, Incident, Ending],
            4 => [Opening, Incident, Resolution, Ending],
            5 => [Opening, Character, Incident, Resolution, Ending],
            6 => [Opening, Character, Incident, Struggle, Resolution, Ending],
            _ => [Opening, Character, Incident, .. Repeat(Struggle, sceneCount - 6), Turn, Resolution, Ending],
        },
        _ => sceneCount switch
        {
            1 => [Introduction],
            2 => [Introduction, Closing],
            3 => [Introduction, Detail, Closing],
            4 => [Introduction, Context, Detail, Closing],
            _ => [Introduction, Context, .. Repeat(Detail, sceneCount - 4), Insight, Closing],
        },
    };

    private static IEnumerable<BeatKind> Repeat(BeatKind beat, int count) => Enumerable.Repeat(beat, Math.Max(0, count));

    // Step beats with a tip in the middle once there are three or more of them.
    private static IEnumerable<BeatKind> Steps(int count) =>
        Enumerable.Range(0, count).Select(i => count >= 3 && i == count / 2 ? Tip : Step);
}
