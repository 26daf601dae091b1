using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain;
using VideoPipeline.Media.Probing;
using VideoPipeline.Providers.Http;
using VideoPipeline.Providers.Usage;

namespace VideoPipeline.Providers.ComfyUI;

/// <summary>
/// HunyuanVideo text-to-video on ComfyUI GPU containers, as a remote job: submit queues the scene's
/// workflow, poll reads the queue and then the history, download streams the saved video and probes
/// it, cancel interrupts or dequeues. The ticket keeps the server that accepted the prompt, when, and
/// the shape rendered (with any frame or size adjustment), so polls need nothing else.
/// </summary>
public sealed class ComfyHunyuanVideoProvider : IVideoJobProvider
{
    public const string ProviderName = "comfyui/hunyuan-video";

    internal const string ServerKey = "server";
    internal const string SubmittedAtKey = "submitted_at_ms";
    internal const string OutputNodeKey = "output_node";
    internal const string EstimatedGpuSecondsKey = "estimated_gpu_seconds";
    internal const string AdjustmentsKey = "adjustments";

    private readonly ComfyUIClient client;
    private readonly Lazy<ComfyWorkflowBuilder> builder;
    private readonly IMediaProbe probe;
    private readonly ProviderPricing pricing;
    private readonly TimeProvider time;
    private readonly ComfyUIOptions options;
    private readonly HunyuanVideoOptions hunyuan;
    private readonly ILogger logger;
    private volatile bool ready;

    internal ComfyHunyuanVideoProvider(
        ComfyUIClient client,
        IOptions<ComfyUIOptions> options,
        IOptions<HunyuanVideoOptions> hunyuan,
        IMediaProbe probe,
        ProviderPricing pricing,
        TimeProvider time,
        ILogger<ComfyHunyuanVideoProvider> logger)
    {
        this.client = client;
        this.options = options.Value;
        this.hunyuan = hunyuan.Value;
        this.probe = probe;
        this.pricing = pricing;
        this.time = time;
        this.logger = logger;

        // Loaded on first use, so a bad template fails the first scene clearly instead of the container's start.
        this.builder = new Lazy<ComfyWorkflowBuilder>(() => new ComfyWorkflowBuilder(ComfyWorkflowTemplate.Load(this.hunyuan), this.hunyuan));
    }

    public string Name => ProviderName;

    public ComfyWorkflowBuilder Builder => this.builder.Value;

    /// <summary>
    /// Checks once that the server has every node class the workflow uses (GET /object_info). Call it at
    /// start-up to fail early; submit calls it too. All configured servers are assumed to run one image.
    /// </summary>
    /// <exception cref="PermanentPipelineException">Code <see cref="ProviderErrorCodes.Misconfigured"/>, listing the missing classes.</exception>
    public async Task EnsureReadyAsync(CancellationToken cancellationToken)
    {
        if (this.ready)
        {
            return;
        }

        var (server, missing) = await this.client.FindMissingNodesAsync(this.Builder.Template.ClassTypes, cancellationToken);
        if (missing.Count > 0)
        {
            throw new PermanentPipelineException(
                ProviderErrorCodes.Misconfigured,
                $"ComfyUI at {server} lacks node classes the {this.Builder.Template.Name} workflow uses: {string.Join(", ", missing)}. " +
                "Update ComfyUI or install the custom nodes, or point HunyuanVideo:TemplatePath at a workflow for this server.");
        }

        this.ready = true;
    }

    public async Task<VideoJobTicket> SubmitAsync(SceneClipRequest request, CancellationToken cancellationToken)
    {
        await this.EnsureReadyAsync(cancellationToken);
        var output = this.Builder.Template.Inputs[ComfyWorkflowParameter.FilenamePrefix].NodeId;
        var scene = this.Builder.BuildScene(request, $"videofunctions/scene-{request.Scene.SceneNumber:D2}");
        var submittedAt = this.time.GetUtcNow();
        var submission = await this.client.QueuePromptAsync(scene.Workflow, cancellationToken);
        this.logger.JobSubmitted(ProviderName, submission.PromptId, submission.Server);
        var geometry = scene.Geometry;
        return new VideoJobTicket(this.Name, submission.PromptId)
        {
            Data = new Dictionary<string, string>
            {
                [ServerKey] = submission.Server.ToString(),
                [SubmittedAtKey] = Invariant(submittedAt.ToUnixTimeMilliseconds()),
                [OutputNodeKey] = output,
                ["width"] = Invariant(geometry.Width),
                ["height"] = Invariant(geometry.Height),
                ["frames"] = Invariant(geometry.Frames),
                ["fps"] = Invariant(geometry.Fps),
                ["steps"] = Invariant(scene.Steps),
                [EstimatedGpuSecondsKey] = Invariant(Math.Round(scene.EstimatedGpuSeconds, 1)),
                [AdjustmentsKey] = string.Join("; ", geometry.Adjustments),
            },
        };
    }

    public async Task<VideoJobState> PollAsync(VideoJobTicket ticket, CancellationToken cancellationToken)
    {
        var server = Server(ticket);

        // Queue before history: the server moves a prompt from one to the other under one lock, so a prompt
        // missing from the queue is already in the history unless the server forgot it.
        var queue = await this.client.GetQueueStateAsync(server, ticket.JobId, cancellationToken);
        switch (queue.Phase)
        {
            case ComfyQueuePhase.Running:
                return new VideoJobState(VideoJobPhase.Running) { PollAfter = this.options.PollInterval };
            case ComfyQueuePhase.Pending:
                return new VideoJobState(VideoJobPhase.Queued) { QueuePosition = queue.Position, PollAfter = this.options.PollInterval };
        }

        var entry = await this.client.GetHistoryAsync(server, ticket.JobId, cancellationToken);
        if (entry is null)
        {
            return new VideoJobState(
                VideoJobPhase.Failed,
                FailureReason: $"ComfyUI at {server} has prompt {ticket.JobId} neither queued nor in its history (restarted, or history cleared)");
        }

        if (entry.Interrupted)
        {
            return new VideoJobState(VideoJobPhase.Cancelled, FailureReason: "ComfyUI interrupted the prompt");
        }

        if (entry.Error is not null)
        {
            // The GPU time was spent all the same.
            this.RecordUsage(ticket, entry, videoSeconds: 0);
            return new VideoJobState(VideoJobPhase.Failed, FailureReason: $"ComfyUI: {entry.Error}");
        }

        return entry.Video(ticket.Data.GetValueOrDefault(OutputNodeKey)) is null
            ? new VideoJobState(VideoJobPhase.Failed, FailureReason: $"ComfyUI finished prompt {ticket.JobId} without saving a video ({Describe(entry.Files)})")
            : new VideoJobState(VideoJobPhase.Succeeded, Progress: 100);
    }

    public async Task<GeneratedClip> DownloadAsync(VideoJobTicket ticket, string outputPath, CancellationToken cancellationToken)
    {
        var server = Server(ticket);
        var entry = await this.client.GetHistoryAsync(server, ticket.JobId, cancellationToken);
        var file = entry is { Succeeded: true } ? entry.Video(ticket.Data.GetValueOrDefault(OutputNodeKey)) : null;
        if (entry is null || file is null)
        {
            throw new PermanentPipelineException(
                ProviderErrorCodes.JobFailed, $"ComfyUI prompt {ticket.JobId} has no video to download ({entry?.Error ?? "not finished, or no video saved"})");
        }

        await this.client.DownloadAsync(server, file, outputPath, cancellationToken);
        MediaInfo info;
        try
        {
            info = await this.probe.ProbeAsync(outputPath, cancellationToken);
        }
        catch (MediaProbeException e)
        {
            throw new PermanentPipelineException(ProviderErrorCodes.JobFailed, $"ComfyUI's output {file.Filename} is not a readable video: {e.Message}", e);
        }

        var video = info.Video
            ?? throw new PermanentPipelineException(ProviderErrorCodes.JobFailed, $"ComfyUI's output {file.Filename} has no video stream");
        var seconds = info.DurationSeconds ?? video.DurationSeconds ?? 0;
        this.RecordUsage(ticket, entry, seconds);
        return new GeneratedClip(seconds, video.Width ?? 0, video.Height ?? 0, info.HasAudio, this.Name);
    }

    public async Task CancelAsync(VideoJobTicket ticket, CancellationToken cancellationToken)
    {
        var server = Server(ticket);
        try
        {
            var queue = await this.client.GetQueueStateAsync(server, ticket.JobId, cancellationToken);
            if (queue.Phase == ComfyQueuePhase.Pending)
            {
                await this.client.DeleteFromQueueAsync(server, ticket.JobId, cancellationToken);

                // It may have started between the two calls.
                queue = await this.client.GetQueueStateAsync(server, ticket.JobId, cancellationToken);
            }

            // Only while ours runs: builds without the prompt_id filter would stop someone else's prompt.
            if (queue.Phase == ComfyQueuePhase.Running)
            {
                await this.client.InterruptAsync(server, ticket.JobId, cancellationToken);
            }
        }
        catch (Exception e) when (e is PermanentPipelineException or TransientPipelineException)
        {
            this.logger.CancelFailed(ProviderName, ticket.JobId, e.Message);
        }
    }

    private static Uri Server(VideoJobTicket ticket) =>
        ticket.Data.TryGetValue(ServerKey, out var server) && Uri.TryCreate(server, UriKind.Absolute, out var uri)
            ? uri
            : throw new PermanentPipelineException(ErrorCodes.InvalidInput, $"ticket {ticket.JobId} does not say which ComfyUI server has the prompt");

    private static string Describe(IReadOnlyList<ComfyOutputFile> files) =>
        files.Count == 0 ? "no output files" : "outputs: " + string.Join(", ", files.Select(f => f.Filename));

    private static string Invariant<T>(T value)
        where T : IFormattable => value.ToString(null, CultureInfo.InvariantCulture);

    /// <summary>
    /// GPU seconds and queue wait from the server's own execution_start/end stamps (server and pipeline
    /// clocks are assumed in sync; negative spans count as 0); the estimate stands in on builds without stamps.
    /// </summary>
    private void RecordUsage(VideoJobTicket ticket, ComfyHistoryEntry entry, double videoSeconds)
    {
        var now = this.time.GetUtcNow();
        var submitted = long.TryParse(ticket.Data.GetValueOrDefault(SubmittedAtKey), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : now;
        var ended = entry.EndedAt ?? now;
        var gpuSeconds = entry.StartedAt is { } started
            ? Seconds(ended - started)
            : double.Parse(ticket.Data.GetValueOrDefault(EstimatedGpuSecondsKey, "0"), CultureInfo.InvariantCulture);
        var units = new Dictionary<string, double> { ["gpu_seconds"] = gpuSeconds };
        if (videoSeconds > 0)
        {
            units["video_seconds"] = videoSeconds;
        }

        UsageLedger.Record(this.pricing.Price(new ProviderUsage
        {
            Provider = this.Name,
            Model = $"hunyuan-video-t2v@{this.hunyuan.GpuProfile}",
            Operation = "generate_video",
            Units = units,
            QueueWaitSeconds = entry.StartedAt is { } start ? Seconds(start - submitted) : 0,
            WallSeconds = Seconds(ended - submitted),
        }));

        static double Seconds(TimeSpan span) => Math.Round(Math.Max(span.TotalSeconds, 0), 3);
    }
}
