using FFMpegCore;
using Microsoft.Extensions.Options;

namespace VideoPipeline.Media.FFmpeg;

/// <summary>
/// FFMpegCore runs the binaries named <c>ffmpeg</c> and <c>ffprobe</c> from one folder: the folder of
/// <see cref="FFmpegOptions.FFprobePath"/> when it is a path, else the first folder on PATH that has it (Debian: /usr/bin).
/// </summary>
public sealed class FFMpegCoreOptions(IOptions<FFmpegOptions> options) : IFFMpegCoreOptions
{
    private readonly Lazy<FFOptions> current = new(() => new FFOptions
    {
        BinaryFolder = BinaryFolderOf(options.Value.FFprobePath),
        TemporaryFilesFolder = Path.GetTempPath(),
    });

    public FFOptions Current => this.current.Value;

    internal static string BinaryFolderOf(string ffprobe)
    {
        if (ffprobe.Contains('/', StringComparison.Ordinal))
        {
            return Path.GetDirectoryName(Path.GetFullPath(ffprobe))!;
        }

        var folders = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return folders.FirstOrDefault(folder => File.Exists(Path.Combine(folder, ffprobe))) ?? "/usr/bin";
    }
}
