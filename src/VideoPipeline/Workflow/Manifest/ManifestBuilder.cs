using VideoPipeline.Domain;
using VideoPipeline.Workflow.Contracts;

namespace VideoPipeline.Workflow.Manifest;

public static class ManifestBuilder
{
    public static JobManifest Build(
        GenerateVideoInput input,
        DateTime createdAt,
        GenerateVideoResult result,
        IReadOnlyDictionary<string, string> toolVersions,
        IReadOnlyDictionary<string, OutputFile> outputs,
        TimeSpan wallTime,
        IReadOnlyDictionary<string, string?> inputFiles)
    {
        return new JobManifest
        {
            JobId = result.JobId,
            CreatedAt = createdAt,
            Inputs = input.Request,
            InputFiles = inputFiles.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => Path.GetFileName(f.Value!)),
            Script = result.Script,
            ScenePlan = result.Plan,
            Providers = result.Providers,
            Routing = result.Routing,
            Usage = result.Usage,
            UsageTotals = UsageTotals.From(result.Usage),
            ToolVersions = toolVersions,
            Stages = result.Stages,
            TotalWallSeconds = Math.Round(wallTime.TotalSeconds, 3),
            Outputs = outputs,
            Media = result.Final,
            Captions = result.Captions,
            Encodes = new EncodeCount(
                Video: 2,
                Audio: 1,
                "Each frame is encoded twice: once when its scene clip is generated (the intermediate render, or the provider's own file) "
                + "and once in the single final encode, where scaling, overlays and captions share one filter graph. Voice and music stay PCM "
                + "until the one AAC encode of the final mix."),
            Scenes = result.Clips.Select(c => new SceneCacheEntry(
                c.SceneNumber,
                c.Clip.ToString(),
                c.CacheHit,
                result.Voiceovers.FirstOrDefault(v => v.SceneNumber == c.SceneNumber)?.CacheHit ?? false)).ToList(),
            Warnings = result.Warnings,
        };
    }
}
