namespace VideoPipeline.Providers;

/// <summary>
/// Post-generation check of still frames (JPEG files). Optional: registered only by providers that read
/// images (omni-moderation); without one, the frame check is skipped with a warning.
/// </summary>
public interface IFrameModerator
{
    string Name { get; }

    Task<ModerationResult> CheckImagesAsync(IReadOnlyList<string> jpegPaths, CancellationToken cancellationToken);
}
