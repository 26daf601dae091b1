namespace VideoPipeline.Providers;

/// <summary>Composes a background music bed when the request brings none.</summary>
public interface IMusicProvider
{
    string Name { get; }

    /// <summary>Writes a loopable WAV of about <see cref="MusicRequest.DurationSeconds"/> at <c>outputPath</c>.</summary>
    Task<MusicBed> ComposeAsync(MusicRequest request, string outputPath, CancellationToken cancellationToken);
}

public sealed record MusicRequest(double DurationSeconds, string Mood, long Seed);

public sealed record MusicBed(double DurationSeconds, string Description);
