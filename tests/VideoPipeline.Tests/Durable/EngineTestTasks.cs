using VideoPipeline.Domain;
using VideoPipeline.Durable;
using VideoPipeline.Tests.Workflow.Orchestration;

namespace VideoPipeline.Tests.Durable;

public sealed class AddOne : TaskActivity<int, int>
{
    public override Task<int> RunAsync(ActivityContext context, int input) => Task.FromResult(input + 1);
}

public sealed class Square(CallLog log) : TaskActivity<int, int>
{
    public override Task<int> RunAsync(ActivityContext context, int input)
    {
        log.Increment($"square:{context.InstanceId}:{input}");
        return Task.FromResult(input * input);
    }
}

/// <summary>Sleeps (cancellably) for the given milliseconds; counts runs.</summary>
public sealed class Sleep(CallLog log) : TaskActivity<int, string>
{
    public override async Task<string> RunAsync(ActivityContext context, int input)
    {
        log.Increment($"sleep:{context.InstanceId}");
        await Task.Delay(input, context.CancellationToken);
        return "slept";
    }
}

public sealed class Chain : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(IOrchestrationContext context, int steps)
    {
        var value = 0;
        for (var i = 0; i < steps; i++)
        {
            value = await context.CallActivityAsync<int>(nameof(AddOne), value);
        }

        return value;
    }
}

public sealed class FanOut : TaskOrchestrator<int, long>
{
    public override async Task<long> RunAsync(IOrchestrationContext context, int count)
    {
        var results = await Task.WhenAll(Enumerable.Range(1, count).Select(i => context.CallActivityAsync<int>(nameof(Square), i)));
        return results.Sum(r => (long)r);
    }
}

public sealed class Parent : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(IOrchestrationContext context, int steps) =>
        10 * await context.CallSubOrchestratorAsync<int>(nameof(Chain), steps);
}

public sealed class FailingParent : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(IOrchestrationContext context, string input)
    {
        try
        {
            return await context.CallSubOrchestratorAsync<string>(nameof(Thrower), input);
        }
        catch (TaskFailedException e)
        {
            return "caught: " + e.FailureDetails.ErrorMessage;
        }
    }
}

public sealed class Thrower : TaskOrchestrator<string, string>
{
    public override Task<string> RunAsync(IOrchestrationContext context, string input) => throw new InvalidOperationException(input);
}

/// <summary>Waits on a durable timer and reports how long it waited by orchestration time.</summary>
public sealed class Timer : TaskOrchestrator<double, double>
{
    public override async Task<double> RunAsync(IOrchestrationContext context, double seconds)
    {
        var start = context.CurrentUtcDateTime;
        await context.CreateTimer(start.AddSeconds(seconds), CancellationToken.None);
        return (context.CurrentUtcDateTime - start).TotalSeconds;
    }
}

public sealed class Approval : TaskOrchestrator<double, string>
{
    public override async Task<string> RunAsync(IOrchestrationContext context, double timeoutSeconds)
    {
        context.SetCustomStatus("waiting");
        try
        {
            return "approved by " + await context.WaitForExternalEvent<string>("approve", TimeSpan.FromSeconds(timeoutSeconds));
        }
        catch (TimeoutException)
        {
            return "timed out";
        }
    }
}

public sealed class Counter : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(IOrchestrationContext context, int value)
    {
        var next = await context.CallActivityAsync<int>(nameof(AddOne), value);
        if (next < 3)
        {
            context.ContinueAsNew(next);
        }

        return next;
    }
}

public sealed class RetryingFlaky : TaskOrchestrator<FlakyInput, int>
{
    public override Task<int> RunAsync(IOrchestrationContext context, FlakyInput input) =>
        context.CallActivityAsync<int>(
            "Flaky",
            input,
            TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromSeconds(1), 2) { Handle = f => !f.IsCausedBy<PermanentPipelineException>() }));
}

/// <summary>Schedules "AddOne", or "Square" once <see cref="Changed"/> is set: replaying old history then is non-deterministic.</summary>
public sealed class Fickle : TaskOrchestrator<int, int>
{
    private static volatile bool changed;

    public static bool Changed
    {
        get => changed;
        set => changed = value;
    }

    public override async Task<int> RunAsync(IOrchestrationContext context, int input)
    {
        var first = await context.CallActivityAsync<int>(Changed ? nameof(Square) : nameof(AddOne), input);
        await context.WaitForExternalEvent<string>("go");
        return first;
    }
}

public sealed class Sleeper : TaskOrchestrator<int, string>
{
    public override async Task<string> RunAsync(IOrchestrationContext context, int milliseconds)
    {
        context.SetCustomStatus("sleeping");
        return await context.CallActivityAsync<string>(nameof(Sleep), milliseconds);
    }
}

/// <summary>Two activities in sequence with a wait for an event in between (suspend/resume, duplicates).</summary>
public sealed class TwoSteps : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(IOrchestrationContext context, int input)
    {
        var a = await context.CallActivityAsync<int>(nameof(AddOne), input);
        context.SetCustomStatus("between");
        await context.WaitForExternalEvent<string>("continue");
        return await context.CallActivityAsync<int>(nameof(AddOne), a);
    }
}

internal static class EngineTasks
{
    public static void Register(TaskRegistry registry) => registry
        .AddOrchestrator<Chain>(nameof(Chain))
        .AddOrchestrator<FanOut>(nameof(FanOut))
        .AddOrchestrator<Parent>(nameof(Parent))
        .AddOrchestrator<FailingParent>(nameof(FailingParent))
        .AddOrchestrator<Thrower>(nameof(Thrower))
        .AddOrchestrator<Timer>(nameof(Timer))
        .AddOrchestrator<Approval>(nameof(Approval))
        .AddOrchestrator<Counter>(nameof(Counter))
        .AddOrchestrator<RetryingFlaky>(nameof(RetryingFlaky))
        .AddOrchestrator<Fickle>(nameof(Fickle))
        .AddOrchestrator<Sleeper>(nameof(Sleeper))
        .AddOrchestrator<TwoSteps>(nameof(TwoSteps))
        .AddActivity<AddOne>(nameof(AddOne))
        .AddActivity<Square>(nameof(Square))
        .AddActivity<Sleep>(nameof(Sleep))
        .AddActivity<FlakyActivity>("Flaky");
}
