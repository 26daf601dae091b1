using VideoPipeline.Storage;

namespace VideoPipeline.Workflow.Contracts;

/// <param name="UserMusic">The request's own music; when null a bed is composed for <paramref name="Mood"/>.</param>
public sealed record ComposeMusicInput(double DurationSeconds, string Mood, AssetRef? UserMusic);

/// <param name="LoopSeconds">Length of the asset; assembly loops or trims it to the video.</param>
public sealed record MusicResult(AssetRef Music, double LoopSeconds, bool Generated, string Description);
