using Microsoft.Extensions.Options;
using VideoPipeline.Media.FFmpeg;

namespace VideoPipeline.Media.Probing;

public sealed class FFprobeMediaProbe(IOptions<FFmpegOptions> options) : IMediaProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    public async Task<MediaInfo> ProbeAsync(string path, CancellationToken cancellationToken = default)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new MediaProbeException(fullPath, "the file does not exist");
        }

        string[] args =
        [
            "-v", "error", "-hide_banner",
            "-print_format", "json", "-show_format", "-show_streams",
            "-protocol_whitelist", "file",
            "-i", "file:" + fullPath,
        ];
        var result = await ExternalProcess.RunAsync(options.Value.FFprobePath, args, new ProcessRunOptions { Timeout = Timeout }, cancellationToken);
        if (result.ExitCode != 0)
        {
            var reason = result.StderrTail.LastOrDefault(l => !string.IsNullOrWhiteSpace(l)) ?? $"ffprobe exit code {result.ExitCode}";
            throw new MediaProbeException(fullPath, reason.Replace(fullPath, Path.GetFileName(fullPath), StringComparison.Ordinal));
        }

        var info = MediaInfoParser.Parse(result.Stdout);
        return info.Streams.Count == 0
            ? throw new MediaProbeException(fullPath, "it has no audio or video streams")
            : info;
    }
}
