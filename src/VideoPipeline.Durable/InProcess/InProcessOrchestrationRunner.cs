using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VideoPipeline.Durable.InProcess;

/// <summary>
/// Runs an orchestrator to completion inside this process, with the Durable programming model's
/// rules: orchestrator code runs on an exclusive scheduler (never concurrently with itself),
/// activity inputs and outputs round-trip through JSON, retries follow the caller's policy, and
/// every step is recorded as a history event. It keeps no state across restarts; the durable
/// engine does, running the same orchestrator code unchanged.
/// </summary>
public sealed partial class InProcessOrchestrationRunner(
    IServiceProvider services,
    TaskRegistry registry,
    TimeProvider time,
    IOptions<InProcessRunnerOptions> options,
    ILoggerFactory loggerFactory,
    DataConverter? converter = null) : IDisposable
{
    private readonly ActivitySlots activitySlots = new(options.Value.MaxConcurrentActivities);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> perActivitySlots = new(StringComparer.OrdinalIgnoreCase);
    private readonly ILogger logger = loggerFactory.CreateLogger<InProcessOrchestrationRunner>();

    internal TimeProvider Time => time;

    internal DataConverter Converter { get; } = converter ?? JsonDataConverter.Default;

    internal ILoggerFactory LoggerFactory => loggerFactory;

    public async Task<OrchestrationResult> RunAsync(
        string orchestratorName,
        string instanceId,
        object? input,
        OrchestrationCallbacks? callbacks = null,
        CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var orchestrator = (ITaskOrchestrator)ActivatorUtilities.GetServiceOrCreateInstance(
            scope.ServiceProvider, registry.GetOrchestratorType(orchestratorName));
        var inputJson = this.Converter.Serialize(input);
        var context = new InProcessOrchestrationContext(this, orchestratorName, instanceId, inputJson, callbacks, cancellationToken);
        var typedInput = this.Converter.Deserialize(inputJson, orchestrator.InputType);

        // Orchestrator code and all its continuations run here, one at a time, as in Durable.
        var exclusive = new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, 1).ExclusiveScheduler;
        var run = Task.Factory.StartNew(
            () => orchestrator.RunAsync(context, typedInput),
            CancellationToken.None,
            TaskCreationOptions.DenyChildAttach,
            exclusive).Unwrap();

        try
        {
            var output = await run;
            return context.Complete(OrchestrationRuntimeStatus.Completed, this.Converter.Serialize(output), failure: null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return context.Complete(
                OrchestrationRuntimeStatus.Terminated,
                output: null,
                new TaskFailureDetails(typeof(OperationCanceledException).FullName!, "The orchestration was cancelled"));
        }
        catch (Exception e)
        {
            LogOrchestrationFailed(this.logger, instanceId, e.Message.Split('\n', 2)[0]);
            return context.Complete(OrchestrationRuntimeStatus.Failed, output: null, TaskFailureDetails.FromException(e, options.Value.IsNonRetriable));
        }
    }

    /// <summary>Runs one activity with retries. Returns its JSON output, or throws <see cref="TaskFailedException"/>.</summary>
    internal async Task<string> ExecuteActivityAsync(
        string name,
        int taskId,
        string instanceId,
        string inputJson,
        RetryPolicy? retry,
        OrchestrationCallbacks? callbacks,
        CancellationToken cancellationToken)
    {
        var activityType = registry.GetActivityType(name);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await this.ExecuteOnceAsync(name, activityType, taskId, instanceId, inputJson, callbacks, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var failure = TaskFailureDetails.FromException(e, options.Value.IsNonRetriable);
                var retryable = retry is not null && attempt < retry.MaxNumberOfAttempts && retry.Handle(failure);
                LogActivityFailed(this.logger, name, taskId, attempt, retryable, e.Message.Split('\n', 2)[0]);
                if (!retryable)
                {
                    throw new TaskFailedException(name, failure);
                }

                await Task.Delay(retry!.DelayBefore(attempt + 1), time, cancellationToken);
            }
        }
    }

    private async Task<string> ExecuteOnceAsync(
        string name,
        Type activityType,
        int taskId,
        string instanceId,
        string inputJson,
        OrchestrationCallbacks? callbacks,
        CancellationToken cancellationToken)
    {
        var perName = options.Value.ActivityConcurrency.TryGetValue(name, out var limit)
            ? this.perActivitySlots.GetOrAdd(name, _ => new SemaphoreSlim(limit))
            : null;
        if (perName is not null)
        {
            await perName.WaitAsync(cancellationToken);
        }

        try
        {
            using (await this.activitySlots.AcquireAsync(options.Value.ActivityPriority.GetValueOrDefault(name), taskId, cancellationToken))
            {
                await using var scope = services.CreateAsyncScope();
                var activity = (ITaskActivity)ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, activityType);
                var progress = callbacks?.OnActivityProgress is { } report
                    ? new SynchronousProgress(p => report(name, taskId, p))
                    : null;
                var context = new ActivityContext(name, instanceId, cancellationToken, progress);
                var input = this.Converter.Deserialize(inputJson, activity.InputType);
                LogActivityStarted(this.logger, name, taskId);
                var output = await activity.RunAsync(context, input);
                LogActivityFinished(this.logger, name, taskId);
                return this.Converter.Serialize(output);
            }
        }
        finally
        {
            perName?.Release();
        }
    }

    public void Dispose()
    {
        foreach (var slots in this.perActivitySlots.Values)
        {
            slots.Dispose();
        }
    }


    // Progress<T> posts to the thread pool and can reorder reports; this one reports in order.
    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }

    [LoggerMessage(EventId = 202, Level = LogLevel.Debug, Message = "Activity {Name}#{TaskId} started")]
    private static partial void LogActivityStarted(ILogger logger, string name, int taskId);

    [LoggerMessage(EventId = 203, Level = LogLevel.Debug, Message = "Activity {Name}#{TaskId} finished")]
    private static partial void LogActivityFinished(ILogger logger, string name, int taskId);

    [LoggerMessage(EventId = 200, Level = LogLevel.Warning, Message = "Activity {Name}#{TaskId} attempt {Attempt} failed (will retry: {Retrying}): {Message}")]
    private static partial void LogActivityFailed(ILogger logger, string name, int taskId, int attempt, bool retrying, string message);

    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "Orchestration {InstanceId} failed: {Message}")]
    private static partial void LogOrchestrationFailed(ILogger logger, string instanceId, string message);
}
