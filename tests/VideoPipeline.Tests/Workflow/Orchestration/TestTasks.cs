using Microsoft.DurableTask;
using VideoPipeline.Domain;
using VideoPipeline.Durable.Activities;

namespace VideoPipeline.Tests.Workflow.Orchestration;

/// <summary>Fails the first <c>failures</c> calls per key, then succeeds; counts calls.</summary>
[DurableTask("Flaky")]
public sealed class FlakyActivity(CallLog log) : TaskActivity<FlakyInput, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, FlakyInput input)
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

/// <summary>Waits until cancelled; counts its starts.</summary>
[DurableTask("Blocking")]
public sealed class BlockingActivity(CallLog log, ActivityExecution execution) : TaskActivity<string, string>
{
    public override async Task<string> RunAsync(TaskActivityContext context, string input)
    {
        log.Increment($"blocking:{context.InstanceId}");
        await Task.Delay(Timeout.Infinite, execution.CancellationToken);
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

/// <summary>A <see cref="TaskActivityContext"/> for calling an activity directly in a test.</summary>
public sealed class TestActivityContext(string name, string instanceId = "test") : TaskActivityContext
{
    public override TaskName Name { get; } = name;

    public override string InstanceId { get; } = instanceId;
}
