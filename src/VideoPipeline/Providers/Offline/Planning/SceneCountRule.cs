namespace VideoPipeline.Providers.Offline.Planning;

/// <summary>How many scenes a video of a given length gets.</summary>
internal static class SceneCountRule
{
    public const double SecondsPerScene = 5;
    public const int MaxScenes = 20;
    public const double MinSceneSeconds = 2;

    /// <summary>About one scene per 5 s, 1 to 20 scenes, and never so many that a scene drops under 2 s.</summary>
    public static int For(double durationSeconds)
    {
        var byPace = (int)Math.Round(durationSeconds / SecondsPerScene, MidpointRounding.AwayFromZero);
        var byRoom = (int)Math.Floor(durationSeconds / MinSceneSeconds);
        return Math.Max(1, Math.Min(Math.Clamp(byPace, 1, MaxScenes), byRoom));
    }
}
