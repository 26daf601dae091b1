using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VideoPipeline.Durable;
using VideoPipeline.Durable.Engine;
using VideoPipeline.Host.Cli;
using VideoPipeline.Host.Diagnostics;
using VideoPipeline.Host.Hosting;
using VideoPipeline.Storage.Azure;

namespace VideoPipeline.Host.Bench;

/// <summary>
/// The durable engine on Azurite queues and the Cosmos DB emulator, in a private task hub: a fan-out of
/// 1,000 no-op activities (activities/s; target ≥ 250) and a 100-step chain (ms per step; target ≤ 40).
/// Each is also divided by the storage floor measured in the same run: the queue and Cosmos DB round
/// trips a step cannot avoid (two queue messages sent, taken and deleted, one history commit).
/// </summary>
public static class DurableBenchmark
{
    public const double TargetActivitiesPerSecond = 250;
    public const double TargetMillisecondsPerStep = 40;
    private const int FanOutSize = 1000;
    private const int ChainSteps = 100;

    public static async Task<int> RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        var hub = $"bench{Guid.NewGuid():N}"[..16];
        using var host = HostServices.Build(new Dictionary<string, string?> { ["Durable:TaskHub"] = hub });
        var services = host.Services;
        if (await services.GetRequiredService<StoragePreflight>().CheckAsync(cancellationToken) is { } down)
        {
            await output.WriteLineAsync($"error: {down}");
            return ExitCodes.Failed;
        }

        var client = services.GetRequiredService<DurableClient>();
        await host.StartAsync(cancellationToken);
        try
        {
            await output.WriteLineAsync($"durable: task hub '{hub}' on Azurite queues + Cosmos DB emulator ({Environment.ProcessorCount} cores)");
            await RunAsync(client, EngineProbes.Chain, 5, cancellationToken);
            var floor = await StorageFloorAsync(services, hub, cancellationToken);

            var (fanOut, fanOutTime) = await RunAsync(client, EngineProbes.FanOut, FanOutSize, cancellationToken);
            var (chain, chainTime) = await RunAsync(client, EngineProbes.Chain, ChainSteps, cancellationToken);

            var correct = fanOut.ReadOutputAs<long>() == (long)FanOutSize * (FanOutSize - 1) / 2 && chain.ReadOutputAs<int>() == ChainSteps;
            var perSecond = FanOutSize / fanOutTime.TotalSeconds;
            var perStep = chainTime.TotalMilliseconds / ChainSteps;
            await output.WriteLineAsync(Line($"  storage floor per step: {floor.TotalMilliseconds,7:0.0} ms (2 queue messages sent, taken, deleted + 1 history commit)"));
            await output.WriteLineAsync(Line(
                $"  fan-out {FanOutSize} no-ops: {fanOutTime.TotalSeconds,6:0.00} s  {perSecond,7:0} activities/s  target >= {TargetActivitiesPerSecond:0}: {Verdict(perSecond >= TargetActivitiesPerSecond)}"));
            await output.WriteLineAsync(Line(
                $"  chain {ChainSteps} steps:    {chainTime.TotalSeconds,6:0.00} s  {perStep,7:0.0} ms/step        target <= {TargetMillisecondsPerStep:0}: {Verdict(perStep <= TargetMillisecondsPerStep)}"));
            await output.WriteLineAsync(Line($"  ratio chain step / storage floor: {perStep / floor.TotalMilliseconds:0.00}"));
            await output.WriteLineAsync(correct ? "  results: correct" : "  results: WRONG");
            return correct ? ExitCodes.Success : ExitCodes.Failed;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            await client.DeleteTaskHubAsync(CancellationToken.None);
            await services.GetRequiredService<QueueServiceClient>().DeleteQueueAsync($"{hub}-floor", CancellationToken.None);
        }
    }

    private static async Task<(OrchestrationMetadata Metadata, TimeSpan Elapsed)> RunAsync(
        DurableClient client, string name, int input, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var id = await client.ScheduleNewOrchestrationInstanceAsync(name, input, cancellationToken: cancellationToken);
        var result = await client.WaitForInstanceCompletionAsync(id, cancellationToken);
        if (result.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            throw new InvalidOperationException($"{name} ended {result.RuntimeStatus}: {result.FailureDetails?.ErrorMessage}");
        }

        return (result, clock.Elapsed);
    }

    // The median of 20 rounds of the storage work one chained step needs at the least.
    private static async Task<TimeSpan> StorageFloorAsync(IServiceProvider services, string hub, CancellationToken cancellationToken)
    {
        var queues = services.GetRequiredService<QueueServiceClient>();
        var store = services.GetRequiredService<IOrchestrationStore>();
        var queue = $"{hub}-floor";
        await queues.CreateQueueAsync(queue, cancellationToken);
        var state = await store.TryCreateAsync(
            new InstanceState { InstanceId = $"floor-{hub}", Name = "floor", ExecutionId = "floor", CreatedAt = DateTime.UtcNow }, cancellationToken)
            ?? throw new InvalidOperationException("The floor instance exists already");
        var rounds = new List<TimeSpan>();
        try
        {
            for (var i = 0; i < 20; i++)
            {
                var clock = Stopwatch.StartNew();
                for (var message = 0; message < 2; message++)
                {
                    await queues.SendMessageAsync(queue, "{}"u8.ToArray(), cancellationToken: cancellationToken);
                    var taken = (await queues.ReceiveMessagesAsync(queue, 1, TimeSpan.FromSeconds(30), cancellationToken)).Single();
                    await queues.DeleteMessageAsync(queue, taken.MessageId, taken.PopReceipt, cancellationToken);
                }

                state = await store.CommitAsync(state, [new HistoryEvent(i, HistoryEventTypes.TaskCompleted, DateTime.UtcNow)], cancellationToken);
                rounds.Add(clock.Elapsed);
            }
        }
        finally
        {
            await store.PurgeAsync(state.InstanceId, CancellationToken.None);
        }

        return rounds.Order().ElementAt(rounds.Count / 2);
    }

    private static string Verdict(bool met) => met ? "met" : "NOT met";

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
