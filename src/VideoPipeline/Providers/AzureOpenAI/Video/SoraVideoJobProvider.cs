using System.Text.Json;
using System.Text.Json.Nodes;
using VideoPipeline.Domain;
using VideoPipeline.Media.Probing;
using VideoPipeline.Providers;

namespace VideoPipeline.Providers.AzureOpenAI.Video;

/// <summary>
/// What Sora 1 (jobs) and Sora 2 (videos) share: submit with failover between deployments, then poll,
/// download and cancel against the deployment that took the job. The SDK has no video client: these are v1
/// requests sent on its pipeline (<see cref="AzureOpenAIRouter.SendAsync"/>), with its credentials and retries. The download streams to the output
/// file and is probed, so the clip's facts are the file's, not the request's.
/// </summary>
public abstract class SoraVideoJobProvider(AzureOpenAIRouter router, SoraOptions options, IMediaProbe probe) : IVideoJobProvider
{
    public abstract string Name { get; }

    protected abstract string SubmitPath { get; }

    public async Task<VideoJobTicket> SubmitAsync(SceneClipRequest request, CancellationToken cancellationToken)
    {
        var shape = this.Shape(request);
        var prompt = SoraPrompt.For(request);
        var operation = this.Name + " submit";
        var answer = await router.SendForJsonAsync(
            new AzureOpenAICall(operation, options.Deployments, options.Timeout, d => AzureOpenAIRequest.Post(d.Url(this.SubmitPath), this.SubmitBody(d.Deployment, prompt, shape))),
            cancellationToken);
        AzureOpenAIUsage.Record("video.submit", answer.Deployment, options, router.Currency, answer.Elapsed, new Dictionary<string, double>());
        var id = answer.Body.OptionalString("id") ?? throw AzureOpenAIRouter.UnexpectedAnswer(operation, answer.Deployment, "no job 'id'");
        return SoraTicket.Create(this.Name, id, answer.Deployment, shape);
    }

    public async Task<VideoJobState> PollAsync(VideoJobTicket ticket, CancellationToken cancellationToken)
    {
        var job = await this.GetJobAsync(ticket, this.Name + " poll", cancellationToken);
        return this.StateOf(job.Body) with { PollAfter = job.RetryAfter ?? options.PollInterval };
    }

    public async Task<GeneratedClip> DownloadAsync(VideoJobTicket ticket, string outputPath, CancellationToken cancellationToken)
    {
        var operation = this.Name + " download";
        var job = await this.GetJobAsync(ticket, operation, cancellationToken);
        var state = this.StateOf(job.Body);
        if (state.Phase != VideoJobPhase.Succeeded)
        {
            throw state.IsFinished
                ? new PermanentPipelineException(ErrorCodes.ProviderRejected, $"{this.Name} job {ticket.JobId} has nothing to download: it is {state.Phase.ToString().ToLowerInvariant()} ({state.FailureReason})")
                : new TransientPipelineException($"{this.Name} job {ticket.JobId} is not finished yet ({state.Phase.ToString().ToLowerInvariant()})");
        }

        var content = this.ContentPath(job.Body, ticket.JobId)
            ?? throw AzureOpenAIRouter.UnexpectedAnswer(operation, job.Deployment, "a finished job without a generation to download");
        using (var response = await router.SendAsync(
            new AzureOpenAICall(operation, [job.Deployment], options.Timeout, d => AzureOpenAIRequest.Get(d.Url(content)))
            {
                Streamed = true,
            },
            cancellationToken))
        {
            await ClipFile.SaveAsync(response, outputPath, options.DownloadTimeout, operation, cancellationToken);
        }

        var info = await probe.ProbeAsync(outputPath, cancellationToken);
        var clip = new GeneratedClip(info.DurationSeconds ?? info.Video?.DurationSeconds ?? 0, info.Video?.Width ?? 0, info.Video?.Height ?? 0, info.HasAudio, this.Name);

        // One entry for the generation: billed seconds, and the job's own time from its timestamps.
        var created = job.Body.OptionalUnixTime("created_at");
        var finished = this.FinishedAt(job.Body);
        AzureOpenAIUsage.Record(
            "video.generation",
            job.Deployment,
            options,
            router.Currency,
            created is { } c && finished is { } f && f >= c ? f - c : job.Elapsed,
            new Dictionary<string, double> { ["video_seconds"] = this.BilledSeconds(job.Body) ?? Math.Round(clip.DurationSeconds, 3) });
        return clip;
    }

    /// <summary>DELETE of the job; one already gone (404) counts as cancelled.</summary>
    public async Task CancelAsync(VideoJobTicket ticket, CancellationToken cancellationToken)
    {
        var deployment = SoraTicket.DeploymentOf(ticket, this.Name, options.Deployments);
        using var response = await router.SendAsync(
            new AzureOpenAICall(this.Name + " cancel", [deployment], options.Timeout, d => AzureOpenAIRequest.Delete(d.Url(this.JobPath(ticket.JobId))))
            {
                AlsoSuccessful = [404],
            },
            cancellationToken);
    }

    protected abstract SoraShape Shape(SceneClipRequest request);

    protected abstract JsonObject SubmitBody(string deployment, string prompt, SoraShape shape);

    protected abstract string JobPath(string jobId);

    protected abstract VideoJobState StateOf(JsonElement job);

    /// <summary>Where the finished video is, relative to the v1 API; null when the job names none.</summary>
    protected abstract string? ContentPath(JsonElement job, string jobId);

    protected abstract DateTimeOffset? FinishedAt(JsonElement job);

    protected abstract double? BilledSeconds(JsonElement job);

    private Task<AzureOpenAIJson> GetJobAsync(VideoJobTicket ticket, string operation, CancellationToken cancellationToken)
    {
        var deployment = SoraTicket.DeploymentOf(ticket, this.Name, options.Deployments);
        return router.SendForJsonAsync(
            new AzureOpenAICall(operation, [deployment], options.Timeout, d => AzureOpenAIRequest.Get(d.Url(this.JobPath(ticket.JobId)))),
            cancellationToken);
    }
}
