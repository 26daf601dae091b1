using Microsoft.DurableTask;
using VideoPipeline.Durable;
using VideoPipeline.Durable.Activities;
using VideoPipeline.Workflow;
using VideoPipeline.Tests.Workflow.Orchestration;

namespace VideoPipeline.Tests.Durable;

[DurableTask(nameof(AddOne))]
public sealed class AddOne : TaskActivity<int, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(input + 1);
}

[DurableTask(nameof(Square))]
public sealed class Square(CallLog log) : TaskActivity<int, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, int input)
    {
        log.Increment($"square:{context.InstanceId}:{input}");
        return Task.FromResult(input * input);
    }
}

/// <summary>Sleeps (cancellably) for the given milliseconds; counts runs and cancellations.</summary>
[DurableTask(nameof(Sleep))]
public sealed class Sleep(CallLog log, ActivityExecution execution) : TaskActivity<int, string>
{
    public override async Task<string> RunAsync(TaskActivityContext context, int input)
    {
        log.Increment($"sleep:{context.InstanceId}");
        try
        {
            await Task.Delay(input, execution.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            log.Increment($"sleep-cancelled:{context.InstanceId}");
            throw;
        }

        return "slept";
    }
}

[DurableTask(nameof(Chain))]
public sealed class Chain : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int steps)
    {
        var value = 0;
        for (var i = 0; i < steps; i++)
        {
            value = await context.CallActivityAsync<AddOne, int, int>(value);
        }

        return value;
    }
}

[DurableTask(nameof(FanOut))]
public sealed class FanOut : TaskOrchestrator<int, long>
{
    public override async Task<long> RunAsync(TaskOrchestrationContext context, int count)
    {
        var results = await Task.WhenAll(Enumerable.Range(1, count).Select(i => context.CallActivityAsync<Square, int, int>(i)));
        return results.Sum(r => (long)r);
    }
}

[DurableTask(nameof(Parent))]
public sealed class Parent : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int steps) =>
        10 * await context.CallSubOrchestratorAsync<Chain, int, int>(steps);
}

[DurableTask(nameof(FailingParent))]
public sealed class FailingParent : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        try
        {
            return await context.CallSubOrchestratorAsync<Thrower, string, string>(input);
        }
        catch (TaskFailedException e)
        {
            return "caught: " + e.FailureDetails.ErrorMessage;
        }
    }
}

[DurableTask(nameof(Thrower))]
public sealed class Thrower : TaskOrchestrator<string, string>
{
    public override Task<string> RunAsync(TaskOrchestrationContext context, string input) => throw new InvalidOperationException(input);
}

/// <summary>Waits on a durable timer and reports how long it waited by orchestration time.</summary>
[DurableTask(nameof(Timer))]
public sealed class Timer : TaskOrchestrator<double, double>
{
    public override async Task<double> RunAsync(TaskOrchestrationContext context, double seconds)
    {
        var start = context.CurrentUtcDateTime;
        await context.CreateTimer(start.AddSeconds(seconds), CancellationToken.None);
        return (context.CurrentUtcDateTime - start).TotalSeconds;
    }
}

[DurableTask(nameof(Approval))]
public sealed class Approval : TaskOrchestrator<double, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, double timeoutSeconds)
    {
        context.SetCustomStatus("waiting");
        try
        {
            return "approved by " + await context.WaitForExternalEvent<string>("approve", TimeSpan.FromSeconds(timeoutSeconds));
        }
        catch (TaskCanceledException)
        {
            return "timed out";
        }
    }
}

[DurableTask(nameof(Counter))]
public sealed class Counter : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int value)
    {
        var next = await context.CallActivityAsync<AddOne, int, int>(value);
        if (next < 3)
        {
            context.ContinueAsNew(next);
        }

        return next;
    }
}

/// <summary>The workflows' own retry policy (3 attempts, permanent errors not retried) with a 1 s first interval.</summary>
[DurableTask(nameof(RetryingFlaky))]
public sealed class RetryingFlaky : TaskOrchestrator<FlakyInput, int>
{
    public override Task<int> RunAsync(TaskOrchestrationContext context, FlakyInput input) =>
        context.CallActivityAsync<FlakyActivity, FlakyInput, int>(
            input, PipelineRetry.From(new VideoPipeline.Workflow.Contracts.OrchestrationSettings(RetryFirstIntervalSeconds: 1)));
}

/// <summary>Schedules "AddOne", or "Square" once <see cref="Changed"/> is set: replaying old history then is non-deterministic.</summary>
[DurableTask(nameof(Fickle))]
public sealed class Fickle : TaskOrchestrator<int, int>
{
    private static volatile bool changed;

    public static bool Changed
    {
        get => changed;
        set => changed = value;
    }

    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        var first = Changed ? await context.CallActivityAsync<Square, int, int>(input) : await context.CallActivityAsync<AddOne, int, int>(input);
        context.SetCustomStatus("first done");
        await context.WaitForExternalEvent<string>("go");
        return first;
    }
}

[DurableTask(nameof(Sleeper))]
public sealed class Sleeper : TaskOrchestrator<int, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, int milliseconds)
    {
        context.SetCustomStatus("sleeping");
        return await context.CallActivityAsync<Sleep, int, string>(milliseconds);
    }
}

/// <summary>Runs <c>count</c> sleeps of 300 ms at once.</summary>
[DurableTask(nameof(SlowFanOut))]
public sealed class SlowFanOut : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int count)
    {
        var results = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => context.CallActivityAsync<Sleep, int, string>(300)));
        return results.Length;
    }
}

/// <summary>Two activities in sequence with a wait for an event in between (suspend/resume).</summary>
[DurableTask(nameof(TwoSteps))]
public sealed class TwoSteps : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        var a = await context.CallActivityAsync<AddOne, int, int>(input);
        context.SetCustomStatus("between");
        await context.WaitForExternalEvent<string>("continue");
        return await context.CallActivityAsync<AddOne, int, int>(a);
    }
}

internal static class EngineTasks
{
    public static void Register(WorkflowRegistry registry) => registry
        .AddOrchestrator<Chain>()
        .AddOrchestrator<FanOut>()
        .AddOrchestrator<Parent>()
        .AddOrchestrator<FailingParent>()
        .AddOrchestrator<Thrower>()
        .AddOrchestrator<Timer>()
        .AddOrchestrator<Approval>()
        .AddOrchestrator<Counter>()
        .AddOrchestrator<RetryingFlaky>()
        .AddOrchestrator<Fickle>()
        .AddOrchestrator<Sleeper>()
        .AddOrchestrator<TwoSteps>()
        .AddOrchestrator<SlowFanOut>()
        .AddActivity<AddOne>()
        .AddActivity<Square>()
        .AddActivity<Sleep>()
        .AddActivity<FlakyActivity>();
}

/// <summary>One Durable host (private task hub, worker running) shared by a test class.</summary>
public sealed class DurableHostFixture : IAsyncLifetime
{
    public DurableTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => this.Host = await DurableTestHost.StartAsync(EngineTasks.Register);

    public async Task DisposeAsync() => await this.Host.DisposeAsync();
}
