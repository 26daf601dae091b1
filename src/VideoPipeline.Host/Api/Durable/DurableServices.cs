using Microsoft.Extensions.Options;
using VideoPipeline.Durable.Engine;
using VideoPipeline.Host.Api.Video;
using VideoPipeline.Jobs;
using VideoPipeline.Storage.Tasks;

namespace VideoPipeline.Host.Api.Durable;

/// <summary>What the Durable HTTP API endpoints share, bound with <c>[AsParameters]</c>.</summary>
public sealed record DurableServices(DurableClient Client, ITaskStore Tasks, VideoJobs Jobs, JobStatusCache Cache, Limits.JsonBodyReader Reader, IOptions<VideoApiOptions> Options)
{
    /// <summary>
    /// The instance when the caller owns it: instances are task ids, and a task record in the caller's own
    /// partition is the proof. Anything else (unknown, another owner's) is null, which the endpoints answer with 404.
    /// </summary>
    public async Task<(TaskRecord Record, OrchestrationMetadata Instance)?> FindAsync(
        string ownerId, string instanceId, bool withData, bool withHistory, CancellationToken cancellationToken)
    {
        var record = await this.Tasks.GetAsync(ownerId, instanceId, cancellationToken: cancellationToken);
        if (record is null)
        {
            return null;
        }

        var instance = await this.Client.GetInstanceAsync(instanceId, withData, withHistory, cancellationToken);
        return instance is null ? null : (record, instance);
    }
}
