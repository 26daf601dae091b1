using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VideoPipeline.Domain;
using VideoPipeline.Durable;
using VideoPipeline.Durable.Hosting;
using VideoPipeline.Host.Cli;
using VideoPipeline.Host.Diagnostics;

namespace VideoPipeline.Host.Bench;

/// <summary>
/// The Durable backend (the Durable Task Framework on Azurite) in a private task hub, each figure beside Azurite's raw
/// queue round trip measured in the same run: a fan-out of 1,000 no-op activities (target ≥ 100/s, Durable Functions'
/// published per-instance figure), a 100-step chain (target ≤ 30 ms per step), and the orchestration overhead of one
/// 30 s generate job: its wall time minus the time at least one of its activities was running (target ≤ 1 s).
/// </summary>
public static class DurableBenchmark
{
    public const double TargetActivitiesPerSecond = 100;
    public const double TargetMillisecondsPerStep = 30;
    public const double TargetOverheadSeconds = 1;
    private const int FanOutSize = 1000;
    private const int ChainSteps = 100;

    public static async Task<int> RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        await using var bench = PrivateHub.Create();
        var services = bench.Services;
        if (await services.GetRequiredService<StoragePreflight>().CheckAsync(cancellationToken) is { } down)
        {
            await output.WriteLineAsync($"error: {down}");
            return ExitCodes.Failed;
        }

        var client = services.GetRequiredService<DurableTaskClient>();
        await bench.Host.StartAsync(cancellationToken);
        await output.WriteLineAsync($"durable: task hub '{bench.Hub}', Durable Task Framework on Azurite ({Environment.ProcessorCount} cores)");
        await RunAsync(client, TaskNames.Of<ChainProbe>(), 5, cancellationToken);
        var floor = await QueueRoundTripAsync(services, bench.Hub, cancellationToken);
        await output.WriteLineAsync(Line($"  Azurite queue round trip (send, receive, delete; median of 20): {floor.TotalMilliseconds:0.0} ms"));

        var cpu = ProcessCpu.Now();
        var (fanOut, fanOutTime) = await RunAsync(client, TaskNames.Of<FanOutProbe>(), FanOutSize, cancellationToken);
        var fanOutCpu = ProcessCpu.Now().Since(cpu);
        var (chain, chainTime) = await RunAsync(client, TaskNames.Of<ChainProbe>(), ChainSteps, cancellationToken);

        var correct = fanOut.ReadOutputAs<long>() == (long)FanOutSize * (FanOutSize - 1) / 2 && chain.ReadOutputAs<int>() == ChainSteps;
        var perSecond = FanOutSize / fanOutTime.TotalSeconds;
        var perStep = chainTime.TotalMilliseconds / ChainSteps;
        await output.WriteLineAsync(Line(
            $"  fan-out {FanOutSize} no-ops: {fanOutTime.TotalSeconds,6:0.00} s  {perSecond,7:0} activities/s  target >= {TargetActivitiesPerSecond:0}: {Verdict(perSecond >= TargetActivitiesPerSecond)}"));
        await output.WriteLineAsync(Line($"    {fanOutCpu} ({fanOutTime.TotalSeconds * Environment.ProcessorCount:0.0} s available)"));
        await output.WriteLineAsync(Line(
            $"  chain {ChainSteps} steps:    {chainTime.TotalSeconds,6:0.00} s  {perStep,7:0.0} ms/step        target <= {TargetMillisecondsPerStep:0}: {Verdict(perStep <= TargetMillisecondsPerStep)}"));
        await output.WriteLineAsync(Line($"    {perStep / floor.TotalMilliseconds:0.0} queue round trips per step"));

        var job = await GenerateOverheadAsync(services, bench.Root, cancellationToken);
        await output.WriteLineAsync(Line(
            $"  generate 30 s job: {job.Wall.TotalSeconds:0.00} s wall, activities busy {job.Busy.TotalSeconds:0.00} s ({job.Activities} executions), overhead {job.Overhead.TotalSeconds:0.00} s  target <= {TargetOverheadSeconds:0}: {Verdict(job.Overhead.TotalSeconds <= TargetOverheadSeconds)}"));
        await output.WriteLineAsync(correct && job.Succeeded ? "  results: correct" : "  results: WRONG");
        return correct && job.Succeeded ? ExitCodes.Success : ExitCodes.Failed;
    }

    private static async Task<(OrchestrationMetadata Metadata, TimeSpan Elapsed)> RunAsync(
        DurableTaskClient client, string name, int input, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var id = await client.ScheduleNewOrchestrationInstanceAsync(name, input, cancellationToken);
        var result = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cancellationToken);
        if (result.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            throw new InvalidOperationException($"{name} ended {result.RuntimeStatus}: {result.FailureDetails?.ErrorMessage}");
        }

        return (result, clock.Elapsed);
    }

    // One generate job, its activity executions seen as spans: the time none ran is what orchestration cost.
    private static async Task<JobOverhead> GenerateOverheadAsync(IServiceProvider services, string root, CancellationToken cancellationToken)
    {
        var jobId = $"overhead-{Guid.NewGuid():N}"[..20];
        var spans = new ConcurrentBag<(DateTime Start, DateTime End)>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == DurableTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = span =>
            {
                if (span.GetTagItem(DurableTelemetry.InstanceIdTag) as string == jobId)
                {
                    spans.Add((span.StartTimeUtc, span.StartTimeUtc + span.Duration));
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        var request = new VideoRequest { Prompt = "A 30-second ad for a bakery, showing fresh bread at dawn", DurationSeconds = 30, Resolution = Resolution.Landscape720 };
        var outcome = await services.GetRequiredService<LocalJobRunner>().RunAsync(
            jobId, new GenerateInput(request, null, null, Path.Combine(root, "overhead.mp4")), null, cancellationToken);
        var wall = outcome.Result.LastUpdatedAt - outcome.Result.CreatedAt;
        var busy = Union([.. spans]);
        return new JobOverhead(outcome.Succeeded, wall, busy, spans.Count);
    }

    private static TimeSpan Union(List<(DateTime Start, DateTime End)> spans)
    {
        var total = TimeSpan.Zero;
        DateTime? openStart = null, openEnd = null;
        foreach (var (start, end) in spans.OrderBy(s => s.Start))
        {
            if (openEnd is { } e && start <= e)
            {
                openEnd = end > e ? end : e;
                continue;
            }

            total += openEnd - openStart ?? TimeSpan.Zero;
            (openStart, openEnd) = (start, end);
        }

        return total + (openEnd - openStart ?? TimeSpan.Zero);
    }

    private static async Task<TimeSpan> QueueRoundTripAsync(IServiceProvider services, string hub, CancellationToken cancellationToken)
    {
        var queue = services.GetRequiredService<TaskHubStorage>().Queues.GetQueueClient($"{hub}-floor");
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var rounds = new List<TimeSpan>();
        try
        {
            for (var i = 0; i < 20; i++)
            {
                var clock = Stopwatch.StartNew();
                await queue.SendMessageAsync("{}", cancellationToken);
                var taken = (await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30), cancellationToken)).Value.Single();
                await queue.DeleteMessageAsync(taken.MessageId, taken.PopReceipt, cancellationToken);
                rounds.Add(clock.Elapsed);
            }
        }
        finally
        {
            await queue.DeleteIfExistsAsync(CancellationToken.None);
        }

        return rounds.Order().ElementAt(rounds.Count / 2);
    }

    private static string Verdict(bool met) => met ? "met" : "NOT met";

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record JobOverhead(bool Succeeded, TimeSpan Wall, TimeSpan Busy, int Activities)
    {
        public TimeSpan Overhead => this.Wall - this.Busy;
    }
}
