using Microsoft.Extensions.Options;
using Microsoft.DurableTask.Client;
using VideoPipeline.Host.Api.Video;
using VideoPipeline.Jobs;
using VideoPipeline.Storage.Tasks;

namespace VideoPipeline.Host.Api.Durable;

/// <summary>What the Durable HTTP API endpoints share, bound with <c>[AsParameters]</c>.</summary>
public sealed record DurableServices(DurableTaskClient Client, ITaskStore Tasks, VideoJobs Jobs, JobStatusCache Cache, Limits.JsonBodyReader Reader, IOptions<VideoApiOptions> Options)
{
    /// <summary>
    /// The instance when the caller owns it: instances are task ids, and a task record in the caller's own
    /// partition is the proof. Anything else (unknown, another owner's) is null, which the endpoints answer with 404.
    /// </summary>
    public async Task<(TaskRecord Record, OrchestrationMetadata Instance)?> FindAsync(
        string ownerId, string instanceId, bool withData, CancellationToken cancellationToken)
    {
        var record = await this.Tasks.GetAsync(ownerId, instanceId, cancellationToken: cancellationToken);
        if (record is null)
        {
            return null;
        }

        var instance = await this.Client.GetInstanceAsync(instanceId, withData, cancellationToken);
        return instance is null ? null : (record, instance);
    }

    /// <summary>The instance's history, or null where the backend does not give it out.</summary>
    public async Task<IList<DurableTask.Core.History.HistoryEvent>?> HistoryAsync(string instanceId, CancellationToken cancellationToken)
    {
        try
        {
            return await this.Client.GetOrchestrationHistoryAsync(instanceId, cancellationToken);
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }
}
