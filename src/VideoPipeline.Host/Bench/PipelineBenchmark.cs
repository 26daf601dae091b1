using System.Diagnostics;
using System.Globalization;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VideoPipeline.Domain;
using Microsoft.DurableTask.Client;
using VideoPipeline.Durable;
using VideoPipeline.Host.Cli;
using VideoPipeline.Media.FFmpeg;
using VideoPipeline.Storage;
using VideoPipeline.Workflow.Contracts;

namespace VideoPipeline.Host.Bench;

/// <summary>
/// The pipeline's speed target, as a ratio measured on this machine in one run: a full 30 s
/// 1280x720 six-scene generate (empty asset store, so nothing is cached) ÷ a single
/// <c>libx264 -preset veryfast</c> re-encode of the file it produced. Target: ≤ 3.0.
/// </summary>
public static class PipelineBenchmark
{
    public const double TargetRatio = 3.0;

    public static async Task<int> RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        await using var bench = PrivateHub.Create();
        var services = bench.Services;
        if (await services.GetRequiredService<StoragePreflight>().CheckAsync(cancellationToken) is { } down)
        {
            await output.WriteLineAsync($"error: {down}");
            return ExitCodes.Failed;
        }

        var request = new VideoRequest
        {
            Prompt = "A 30-second ad for a new coffee brand showing morning routine",
            DurationSeconds = 30,
            Resolution = Resolution.Landscape720,
        };

        await output.WriteLineAsync($"pipeline: 30 s {request.Resolution} generate, then one libx264 veryfast re-encode of its output ({Environment.ProcessorCount} cores)");
        var input = new GenerateInput(request, null, null, Path.Combine(bench.Root, "bench.mp4"));

        // The first job of a process also pays for the worker's own start (JIT, queues, partition leases):
        // a short no-op chain first, timed and shown apart, so the ratio is the pipeline's.
        await bench.Host.StartAsync(cancellationToken);
        var warmup = Stopwatch.StartNew();
        var client = services.GetRequiredService<DurableTaskClient>();
        await client.WaitForInstanceCompletionAsync(
            await client.ScheduleNewOrchestrationInstanceAsync(TaskNames.Of<Diagnostics.ChainProbe>(), 3, cancellationToken), cancellationToken);
        await output.WriteLineAsync(Line($"  worker warm-up (3-step no-op chain, first in this process): {warmup.Elapsed.TotalSeconds:0.00} s"));
        var outcome = await services.GetRequiredService<LocalJobRunner>().RunAsync($"bench-{Guid.NewGuid():N}"[..14], input, null, cancellationToken);
        if (!outcome.Succeeded)
        {
            await output.WriteLineAsync($"error: generate failed: {outcome.FailureReason}");
            return ExitCodes.Failed;
        }

        var result = outcome.Result.ReadOutputAs<GenerateVideoResult>()!;
        var produced = Path.Combine(bench.Root, "produced.mp4");
        await services.GetRequiredService<IAssetStore>().DownloadToFileAsync(result.Final.Video, produced, cancellationToken);

        var reencode = FFmpegArguments.Create();
        reencode.AddInput(FFmpegInput.File(produced));
        reencode.AddOutput(Path.Combine(bench.Root, "reencoded.mp4"), o => o.VideoCodec("libx264").Preset("veryfast").AudioCodec("aac"));
        var stopwatch = Stopwatch.StartNew();
        await services.GetRequiredService<IFFmpegRunner>().RunAsync(reencode, cancellationToken: cancellationToken);
        var baseline = stopwatch.Elapsed.TotalSeconds;

        var generate = outcome.Elapsed.TotalSeconds;
        var ratio = generate / baseline;
        await output.WriteLineAsync(Line($"  scenes generated:          {result.Plan.Scenes.Count}"));
        await output.WriteLineAsync(Line($"  full generate:             {generate,7:0.00} s"));
        await output.WriteLineAsync(Line($"  one re-encode (veryfast):  {baseline,7:0.00} s"));
        await output.WriteLineAsync(Line($"  ratio:                     {ratio,7:0.00}  (target <= {TargetRatio:0.0}: {(ratio <= TargetRatio ? "met" : "NOT met")})"));
        await output.WriteLineAsync("  stages (wall time; parallel stages overlap):");
        foreach (var stage in result.Stages)
        {
            await output.WriteLineAsync(Line($"    {stage.Stage,-22}{stage.WallSeconds,7:0.00} s  ({stage.Tasks} task{(stage.Tasks == 1 ? "" : "s")})"));
        }

        return ExitCodes.Success;
    }

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
