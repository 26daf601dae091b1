namespace VideoPipeline.Media.Probing;

public interface IMediaProbe
{
    /// <exception cref="MediaProbeException">The file is missing or not media FFmpeg can read.</exception>
    Task<MediaInfo> ProbeAsync(string path, CancellationToken cancellationToken = default);
}
