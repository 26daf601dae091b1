using VideoPipeline.Durable;

namespace VideoPipeline.Host.Diagnostics;

/// <summary>
/// Orchestrations that exercise the durable engine alone, no media: the engine benchmark (fan-out,
/// chain) and the crash-recovery tests (a chain of slow steps) run them on a worker.
/// </summary>
public static class EngineProbes
{
    public const string FanOut = "Probe.FanOut";
    public const string Chain = "Probe.Chain";
    public const string SlowChain = "Probe.SlowChain";
    public const string Noop = "Probe.Noop";
    public const string Step = "Probe.Step";

    public static void Register(TaskRegistry registry) => registry
        .AddOrchestrator<FanOutProbe>(FanOut)
        .AddOrchestrator<ChainProbe>(Chain)
        .AddOrchestrator<SlowChainProbe>(SlowChain)
        .AddActivity<NoopActivity>(Noop)
        .AddActivity<StepActivity>(Step);
}

/// <summary>Runs <c>count</c> no-op activities at once; returns the sum of their results.</summary>
public sealed class FanOutProbe : TaskOrchestrator<int, long>
{
    public override async Task<long> RunAsync(IOrchestrationContext context, int count)
    {
        var results = await Task.WhenAll(Enumerable.Range(0, count).Select(i => context.CallActivityAsync<int>(EngineProbes.Noop, i)));
        return results.Sum(r => (long)r);
    }
}

/// <summary>Runs <c>steps</c> no-op activities one after another, each fed the last one's result.</summary>
public sealed class ChainProbe : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(IOrchestrationContext context, int steps)
    {
        var value = 0;
        for (var i = 0; i < steps; i++)
        {
            value = await context.CallActivityAsync<int>(EngineProbes.Noop, value) + 1;
        }

        return value;
    }
}

/// <param name="Milliseconds">How long each step works.</param>
public sealed record SlowChainInput(int Steps, int Milliseconds);

/// <summary>A chain of steps that each take a while; returns the number of steps done.</summary>
public sealed class SlowChainProbe : TaskOrchestrator<SlowChainInput, int>
{
    public override async Task<int> RunAsync(IOrchestrationContext context, SlowChainInput input)
    {
        var value = 0;
        for (var i = 0; i < input.Steps; i++)
        {
            context.SetCustomStatus(new { step = i });
            value = await context.CallActivityAsync<int>(EngineProbes.Step, new StepInput(value, input.Milliseconds));
        }

        return value;
    }
}

public sealed class NoopActivity : TaskActivity<int, int>
{
    public override Task<int> RunAsync(ActivityContext context, int input) => Task.FromResult(input);
}

public sealed record StepInput(int Value, int Milliseconds);

public sealed class StepActivity : TaskActivity<StepInput, int>
{
    public override async Task<int> RunAsync(ActivityContext context, StepInput input)
    {
        await Task.Delay(input.Milliseconds, context.CancellationToken);
        return input.Value + 1;
    }
}
