using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using VideoPipeline.Workflow.Contracts;
using Microsoft.Extensions.Hosting;

namespace VideoPipeline.Host.Cli;

public static class GenerateHandler
{
    public static async Task<int> RunAsync(IHost host, GenerateArguments args, CancellationToken cancellationToken)
    {
        var services = host.Services;
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

        // The durable engine's worker runs in this process for the job's life.
        await host.StartAsync(cancellationToken);
        LocalJobOutcome outcome;
        try
        {
            outcome = await ProgressDisplay.RunAsync(onStatus => runner.RunAsync(jobId, input, onStatus, cancellationToken));
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }

        if (!outcome.Succeeded)
        {
            await Console.Error.WriteLineAsync(outcome.Cancelled ? "error: cancelled" : $"error: {outcome.FailureReason}");
            return outcome.Cancelled ? ExitCodes.Cancelled : ExitCodes.Failed;
        }

        var written = await services.GetRequiredService<OutputWriter>().WriteAsync(outcome, input, cancellationToken);
        var result = outcome.Result.ReadOutputAs<GenerateVideoResult>()!;
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
