using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using VideoPipeline.Media.FFmpeg;

namespace VideoPipeline.Media;

/// <summary>Versions of the external tools a job used, for the provenance manifest.</summary>
public sealed partial class ToolVersions(IOptions<FFmpegOptions> ffmpeg)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public async Task<IReadOnlyDictionary<string, string>> CollectAsync(CancellationToken cancellationToken)
    {
        var ffmpegVersion = QueryAsync(ffmpeg.Value.FFmpegPath, ["-version"], FFmpegVersion(), cancellationToken);
        var festival = QueryAsync("festival", ["--version"], FestivalVersion(), cancellationToken);

        // pocketsphinx_continuous has no version flag; the package database knows.
        var pocketsphinx = QueryAsync("dpkg-query", ["-W", "-f=${Version}", "pocketsphinx"], AnyVersion(), cancellationToken);
        return new Dictionary<string, string>
        {
            ["ffmpeg"] = await ffmpegVersion,
            ["festival"] = await festival,
            ["pocketsphinx"] = await pocketsphinx,
        };
    }

    private static async Task<string> QueryAsync(string tool, string[] args, Regex pattern, CancellationToken cancellationToken)
    {
        try
        {
            var result = await ExternalProcess.RunAsync(tool, args, new ProcessRunOptions { Timeout = Timeout }, cancellationToken);
            var text = result.Stdout + "\n" + string.Join('\n', result.StderrTail);
            var match = pattern.Match(text);
            return match.Success ? match.Groups[1].Value : "unknown";
        }
        catch (Exception e) when (e is ExternalToolException or TimeoutException or Domain.PermanentPipelineException)
        {
            return "unknown";
        }
    }

    [GeneratedRegex(@"ffmpeg version (\S+)")]
    private static partial Regex FFmpegVersion();

    [GeneratedRegex(@"System: ([0-9][^:\s]*)")]
    private static partial Regex FestivalVersion();

    [GeneratedRegex(@"^(\S+)")]
    private static partial Regex AnyVersion();
}
