using System.Text.Json;
using FFMpegCore;
using FFMpegCore.Exceptions;
using VideoPipeline.Media.FFmpeg;

namespace VideoPipeline.Media.Probing;

/// <summary>
/// Probes with FFMpegCore's <see cref="FFProbe"/> (duration, streams, sizes, audio presence), limited to local files.
/// FFMpegCore passes ffprobe one command-line string with the path in double quotes, so a path whose characters
/// could end or bend that string is probed through a plainly named symbolic link instead.
/// </summary>
public sealed class FFprobeMediaProbe(IFFMpegCoreOptions ffmpeg) : IMediaProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    public async Task<MediaInfo> ProbeAsync(string path, CancellationToken cancellationToken = default)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new MediaProbeException(fullPath, "the file does not exist");
        }

        var link = IsPlain(fullPath) ? null : Path.Combine(Path.GetTempPath(), $"vf-probe-{Guid.NewGuid():N}{PlainExtension(fullPath)}");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            if (link is not null)
            {
                File.CreateSymbolicLink(link, fullPath);
            }

            var analysis = await FFProbe.AnalyseAsync(link ?? fullPath, ffmpeg.Current, "-protocol_whitelist file", timeout.Token);
            var info = MediaInfoMapping.From(analysis, new FileInfo(fullPath).Length);
            return info.Streams.Any(s => s.IsVideo || s.IsAudio || s.IsAttachedPicture)
                ? info
                : throw new MediaProbeException(fullPath, "it has no audio or video streams");
        }
        catch (Exception e) when (e is FFMpegException or FormatException or JsonException or InvalidOperationException)
        {
            var reason = e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "ffprobe failed";
            throw new MediaProbeException(fullPath, reason.Replace(link ?? fullPath, Path.GetFileName(fullPath), StringComparison.Ordinal));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"ffprobe did not finish within {Timeout} on '{Path.GetFileName(fullPath)}'");
        }
        finally
        {
            if (link is not null)
            {
                File.Delete(link);
            }
        }
    }

    // Letters, digits and a few separators survive FFMpegCore's quoting; anything else goes through a link.
    private static bool IsPlain(string path) => path.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-' or '_');

    private static string PlainExtension(string path)
    {
        var extension = Path.GetExtension(path);
        return IsPlain(extension) ? extension : string.Empty;
    }
}
