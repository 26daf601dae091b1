using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using VideoPipeline.Workflow.Contracts;
using VideoPipeline.Durable;

namespace VideoPipeline.Host.Cli;

public static class GenerateHandler
{
    public static async Task<int> RunAsync(IServiceProvider services, GenerateArguments args, CancellationToken cancellationToken)
    {
        GenerateInput input;
        try
        {
            input = await services.GetRequiredService<GenerateInputValidator>().ValidateAsync(args, cancellationToken);
        }
        catch (CliUsageException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.Usage;
        }

        if (await services.GetRequiredService<StoragePreflight>().CheckAsync(cancellationToken) is { } down)
        {
            await Console.Error.WriteLineAsync($"error: {down}");
            return ExitCodes.Failed;
        }

        var jobId = $"{Slug.From(input.Request.Prompt, 24)}-{Guid.NewGuid().ToString("N")[..8]}";
        var runner = services.GetRequiredService<LocalJobRunner>();
        var outcome = await ProgressDisplay.RunAsync(callbacks => runner.RunAsync(jobId, input, callbacks, cancellationToken));
        if (!outcome.Succeeded)
        {
            var cancelled = outcome.Result.RuntimeStatus == OrchestrationRuntimeStatus.Terminated;
            await Console.Error.WriteLineAsync(cancelled ? "error: cancelled" : $"error: {outcome.FailureReason}");
            return cancelled ? ExitCodes.Cancelled : ExitCodes.Failed;
        }

        var written = await services.GetRequiredService<OutputWriter>().WriteAsync(outcome, input, cancellationToken);
        var result = outcome.Result.ReadOutput<GenerateVideoResult>();
        foreach (var path in written)
        {
            Console.WriteLine(Path.GetRelativePath(Directory.GetCurrentDirectory(), path));
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{result.Final.DurationSeconds:0.00} s {result.Final.Width}x{result.Final.Height} {result.Final.VideoCodec}/{result.Final.AudioCodec}, {result.Plan.Scenes.Count} scenes, {result.Final.IntegratedLoudness:0.0} LUFS, made in {outcome.Elapsed.TotalSeconds:0.0} s"));
        foreach (var warning in result.Warnings)
        {
            await Console.Error.WriteLineAsync($"warning: {warning}");
        }

        return ExitCodes.Success;
    }
}
