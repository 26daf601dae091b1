using VideoPipeline.Media;
using VideoPipeline.Serialization;
using VideoPipeline.Storage;
using VideoPipeline.Workflow.Contracts;
using VideoPipeline.Workflow.Manifest;

namespace VideoPipeline.Host.Cli;

/// <summary>
/// Writes NAME.mp4, NAME.srt, NAME.vtt and NAME.manifest.json. Each is written to a temporary
/// name beside its destination and renamed only when all are complete; a failure removes them.
/// </summary>
public sealed class OutputWriter(IAssetStore store, ToolVersions tools)
{
    public async Task<IReadOnlyList<string>> WriteAsync(LocalJobOutcome outcome, GenerateInput input, CancellationToken cancellationToken)
    {
        var result = outcome.Result.ReadOutputAs<GenerateVideoResult>()!;
        var video = input.OutputPath;
        var stem = Path.Combine(Path.GetDirectoryName(video)!, Path.GetFileNameWithoutExtension(video));
        var files = new List<(AssetRef? Source, string Destination, string Key)> { (result.Final.Video, video, "video") };
        if (result.Captions is { } captions)
        {
            files.Add((captions.Srt, stem + ".srt", "srt"));
            files.Add((captions.Vtt, stem + ".vtt", "vtt"));
        }

        var manifestPath = stem + ".manifest.json";
        var staged = new List<(string Temp, string Destination)>();
        try
        {
            var outputs = new Dictionary<string, OutputFile>();
            foreach (var (source, destination, key) in files)
            {
                var temp = TempBeside(destination);
                staged.Add((temp, destination));
                await store.DownloadToFileAsync(source!, temp, cancellationToken);
                outputs[key] = new OutputFile(Path.GetFileName(destination), new FileInfo(temp).Length, await ContentHash.Sha256OfFileAsync(temp, cancellationToken));
            }

            var manifest = ManifestBuilder.Build(
                outcome.Result.ReadInputAs<GenerateVideoInput>()!,
                outcome.Result.CreatedAt.UtcDateTime,
                result,
                await tools.CollectAsync(cancellationToken),
                outputs,
                outcome.Elapsed,
                new Dictionary<string, string?> { ["music"] = input.MusicFile, ["script_audio"] = input.ScriptAudioFile });
            var manifestTemp = TempBeside(manifestPath);
            staged.Add((manifestTemp, manifestPath));
            await File.WriteAllTextAsync(manifestTemp, System.Text.Json.JsonSerializer.Serialize(manifest, PipelineJson.Indented), cancellationToken);

            foreach (var (temp, destination) in staged)
            {
                File.Move(temp, destination, overwrite: true);
            }

            return [.. staged.Select(s => s.Destination)];
        }
        finally
        {
            foreach (var (temp, _) in staged)
            {
                File.Delete(temp);
            }
        }
    }

    private static string TempBeside(string destination) =>
        Path.Combine(Path.GetDirectoryName(destination)!, $".{Path.GetFileName(destination)}.partial-{Guid.NewGuid():N}");
}
