using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using IExceptionPropertiesProvider = Microsoft.DurableTask.Worker.IExceptionPropertiesProvider;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoPipeline.Durable.Activities;

namespace VideoPipeline.Durable.Hosting;

/// <summary>
/// The worker: the Durable Task Framework's <see cref="TaskHubWorker"/> running this application's orchestrators and
/// activities (written against Microsoft.DurableTask) through its shims. Stopping hands running activities back to
/// the queue, so another worker (or this one, restarted) takes them at once.
/// </summary>
internal sealed partial class TaskHubWorkerService(
    AzureStorageOrchestrationService service,
    WorkflowRegistry registry,
    ActivityRunner runner,
    RunningActivities running,
    DataConverter converter,
    IServiceProvider services,
    IOptions<DurableTaskOptions> options,
    ILoggerFactory loggers,
    ILogger<TaskHubWorkerService> logger) : IHostedService, IAsyncDisposable
{
    private TaskHubWorker? worker;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await service.CreateIfNotExistsAsync();
        if (!options.Value.WorkerEnabled)
        {
            return;
        }

        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions { DataConverter = converter }, loggers);
        var worker = new TaskHubWorker(service, loggers) { ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails };
        foreach (var (name, type) in registry.Orchestrators)
        {
            worker.AddTaskOrchestrations(new NamedObjectCreator<TaskOrchestration>(
                name, () => shims.CreateOrchestration(name, (ITaskOrchestrator)ActivatorUtilities.CreateInstance(services, type))));
        }

        foreach (var (name, type) in registry.Activities)
        {
            var activity = new RunnerActivity(name, type, runner, shims);
            worker.AddTaskActivities(new NamedObjectCreator<TaskActivity>(name, () => activity));
        }

        worker.AddActivityDispatcherMiddleware(FailureDetailsMiddleware.Create(services.GetService<IExceptionPropertiesProvider>() ?? ExceptionDataProperties.Instance));
        await worker.StartAsync();
        this.worker = worker;
        LogStarted(logger, options.Value.HubName);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (this.worker is { } worker)
        {
            this.worker = null;
            running.StopAll();
            await worker.StopAsync(isForced: false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await this.StopAsync(CancellationToken.None);
    }

    [LoggerMessage(EventId = 2320, Level = LogLevel.Information, Message = "Task hub {Hub}: worker started")]
    private static partial void LogStarted(ILogger logger, string hub);
}
