namespace VideoPipeline.Domain;

/// <summary>
/// Places scenes on the final timeline in whole frames. Boundaries are rounded from cumulative
/// times, so per-scene frame counts always add up to exactly round(total × fps).
/// </summary>
public static class SceneTimeline
{
    public static IReadOnlyList<TimelineSlot> Build(IReadOnlyList<Scene> scenes, int fps)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fps, 1);
        var slots = new List<TimelineSlot>(scenes.Count);
        var elapsed = 0.0;
        foreach (var scene in scenes)
        {
            var startFrame = (int)Math.Round(elapsed * fps, MidpointRounding.AwayFromZero);
            elapsed += scene.DurationSeconds;
            var endFrame = (int)Math.Round(elapsed * fps, MidpointRounding.AwayFromZero);
            slots.Add(new TimelineSlot(scene, startFrame / (double)fps, endFrame - startFrame, fps));
        }

        return slots;
    }
}

public sealed record TimelineSlot(Scene Scene, double Start, int FrameCount, int Fps)
{
    public double Duration => this.FrameCount / (double)this.Fps;

    public double End => this.Start + this.Duration;
}
