using VideoPipeline.Domain;

namespace VideoPipeline.Media.Probing;

/// <summary>Not a readable media file. Permanent: probing it again gives the same answer.</summary>
public sealed class MediaProbeException(string path, string reason)
    : PermanentPipelineException(ErrorCodes.UnsupportedMedia, $"'{Path.GetFileName(path)}' is not a readable media file: {reason}")
{
    public string FilePath { get; } = path;
}
