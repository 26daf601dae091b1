using VideoPipeline.Domain;
using VideoPipeline.Durable;

namespace VideoPipeline.Tests.Workflow.Orchestration;

public sealed record EchoInput(string Text, int Number);

public sealed class EchoActivity : TaskActivity<EchoInput, string>
{
    public override Task<string> RunAsync(ActivityContext context, EchoInput input) =>
        Task.FromResult($"{input.Text}:{input.Number}");
}

/// <summary>Fails the first <c>failures</c> calls per key, then succeeds; counts calls.</summary>
public sealed class FlakyActivity(CallLog log) : TaskActivity<FlakyInput, int>
{
    public override Task<int> RunAsync(ActivityContext context, FlakyInput input)
    {
        var calls = log.Increment(input.Key);
        if (input.Permanent)
        {
            throw new PermanentPipelineException("BAD_THING", "this can never work");
        }

        return calls <= input.Failures ? throw new TransientPipelineException($"try again ({calls})") : Task.FromResult(calls);
    }
}

public sealed record FlakyInput(string Key, int Failures, bool Permanent = false);

/// <summary>Records how many activities overlap, to prove orchestrator code runs one piece at a time.</summary>
public sealed class SlowActivity(CallLog log) : TaskActivity<int, int>
{
    public override async Task<int> RunAsync(ActivityContext context, int input)
    {
        log.Increment("slow");
        await Task.Delay(50, context.CancellationToken);
        return input * 2;
    }
}

public sealed class BlockingActivity : TaskActivity<string, string>
{
    public override async Task<string> RunAsync(ActivityContext context, string input)
    {
        await Task.Delay(Timeout.Infinite, context.CancellationToken);
        return input;
    }
}

public sealed class CallLog
{
    private readonly Dictionary<string, int> calls = [];

    public int Increment(string key)
    {
        lock (this.calls)
        {
            return this.calls[key] = this.calls.GetValueOrDefault(key) + 1;
        }
    }

    public int Count(string key)
    {
        lock (this.calls)
        {
            return this.calls.GetValueOrDefault(key);
        }
    }
}

public sealed class EchoOrchestrator : TaskOrchestrator<EchoInput, string>
{
    public override Task<string> RunAsync(IOrchestrationContext context, EchoInput input) =>
        context.CallActivityAsync<string>("Echo", input);
}

public sealed class FlakyOrchestrator : TaskOrchestrator<FlakyInput, int>
{
    public override Task<int> RunAsync(IOrchestrationContext context, FlakyInput input) =>
        context.CallActivityAsync<int>("Flaky", input, TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromMilliseconds(10), 2)));
}

/// <summary>Fans out and mutates a plain (unsynchronized) counter after every await: safe only if continuations never overlap.</summary>
public sealed class FanOutOrchestrator : TaskOrchestrator<int, FanOutResult>
{
    public override async Task<FanOutResult> RunAsync(IOrchestrationContext context, int count)
    {
        var unsafeCounter = 0;
        var maxInside = 0;
        var inside = 0;
        async Task<int> One(int i)
        {
            var r = await context.CallActivityAsync<int>("Slow", i);
            inside++;
            maxInside = Math.Max(maxInside, inside);
            var before = unsafeCounter;
            Thread.SpinWait(20000);
            unsafeCounter = before + 1;
            inside--;
            context.SetCustomStatus(new { done = unsafeCounter });
            return r;
        }

        var results = await Task.WhenAll(Enumerable.Range(0, count).Select(One));
        return new FanOutResult(results.Sum(), unsafeCounter, maxInside, context.NewGuid(), context.NewGuid());
    }
}

public sealed record FanOutResult(int Sum, int Counter, int MaxConcurrentContinuations, Guid First, Guid Second);

public sealed class BlockingOrchestrator : TaskOrchestrator<string, string>
{
    public override Task<string> RunAsync(IOrchestrationContext context, string input) =>
        context.CallActivityAsync<string>("Blocking", input);
}
