using FFMpegCore;

namespace VideoPipeline.Media.FFmpeg;

/// <summary>
/// FFMpegCore's options for this app, built from the <c>FFmpeg</c> settings and passed to every FFMpegCore call,
/// so the library's process-wide <see cref="GlobalFFOptions"/> is never read or changed.
/// </summary>
public interface IFFMpegCoreOptions
{
    FFOptions Current { get; }
}
