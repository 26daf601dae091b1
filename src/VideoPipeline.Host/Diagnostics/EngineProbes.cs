using Microsoft.DurableTask;
using VideoPipeline.Durable;
using VideoPipeline.Durable.Activities;

namespace VideoPipeline.Host.Diagnostics;

/// <summary>
/// Orchestrations that exercise the Durable backend alone, no media: the durable benchmark (fan-out, chain) and the
/// crash-recovery tests (a chain of slow steps, an activity that kills its worker) run them on a worker.
/// </summary>
public static class EngineProbes
{
    public static void Register(WorkflowRegistry registry) => registry
        .AddOrchestrator<FanOutProbe>()
        .AddOrchestrator<ChainProbe>()
        .AddOrchestrator<SlowChainProbe>()
        .AddOrchestrator<CrashProbe>()
        .AddActivity<NoopActivity>()
        .AddActivity<StepActivity>()
        .AddActivity<CrashActivity>();
}

/// <summary>Runs <c>count</c> no-op activities at once; returns the sum of their results.</summary>
[DurableTask("ProbeFanOut")]
public sealed class FanOutProbe : TaskOrchestrator<int, long>
{
    public override async Task<long> RunAsync(TaskOrchestrationContext context, int count)
    {
        var results = await Task.WhenAll(Enumerable.Range(0, count).Select(i => context.CallActivityAsync<NoopActivity, int, int>(i)));
        return results.Sum(r => (long)r);
    }
}

/// <summary>Runs <c>steps</c> no-op activities one after another, each fed the last one's result.</summary>
[DurableTask("ProbeChain")]
public sealed class ChainProbe : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int steps)
    {
        var value = 0;
        for (var i = 0; i < steps; i++)
        {
            value = await context.CallActivityAsync<NoopActivity, int, int>(value) + 1;
        }

        return value;
    }
}

/// <param name="Milliseconds">How long each step works.</param>
public sealed record SlowChainInput(int Steps, int Milliseconds);

/// <summary>A chain of steps that each take a while; returns the number of steps done.</summary>
[DurableTask("ProbeSlowChain")]
public sealed class SlowChainProbe : TaskOrchestrator<SlowChainInput, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, SlowChainInput input)
    {
        var value = 0;
        for (var i = 0; i < input.Steps; i++)
        {
            context.SetCustomStatus(new { step = i });
            value = await context.CallActivityAsync<StepActivity, StepInput, int>(new StepInput(value, input.Milliseconds));
        }

        return value;
    }
}

/// <summary>Calls <see cref="CrashActivity"/> with retries, as workflows do: it must still end, failed, in a bounded number of deliveries.</summary>
[DurableTask("ProbeCrash")]
public sealed class CrashProbe : TaskOrchestrator<string, int>
{
    public override Task<int> RunAsync(TaskOrchestrationContext context, string marker) =>
        context.CallActivityAsync<CrashActivity, string, int>(
            marker,
            TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromSeconds(1)) { HandleFailure = f => !f.Is<ActivityPoisonedException>() }));
}

[DurableTask("ProbeNoop")]
public sealed class NoopActivity : TaskActivity<int, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(input);
}

public sealed record StepInput(int Value, int Milliseconds);

[DurableTask("ProbeStep")]
public sealed class StepActivity(ActivityExecution execution) : TaskActivity<StepInput, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, StepInput input)
    {
        await Task.Delay(input.Milliseconds, execution.CancellationToken);
        return input.Value + 1;
    }
}

/// <summary>
/// Kills its own process a moment into its work, as an out-of-memory tool would: but only in a process started with
/// <c>VIDEOFUNCTIONS_CRASH_PROBE</c> equal to its input, so a test's other workers are not taken down.
/// </summary>
[DurableTask("ProbeCrashActivity")]
public sealed class CrashActivity : TaskActivity<string, int>
{
    public const string Variable = "VIDEOFUNCTIONS_CRASH_PROBE";

    public override async Task<int> RunAsync(TaskActivityContext context, string marker)
    {
        if (Environment.GetEnvironmentVariable(Variable) == marker)
        {
            // Not at once: the backend sends an activity before it records the turn that scheduled it, and a worker
            // dead within milliseconds of that would take the turn down with it (real tools die seconds into their work).
            await Task.Delay(TimeSpan.FromSeconds(2));
            System.Diagnostics.Process.GetCurrentProcess().Kill();
        }

        throw new InvalidOperationException($"{nameof(CrashActivity)} ran in a worker not marked {marker}; it crashes only marked workers");
    }
}
