using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using VideoPipeline.Media.Probing;
using VideoPipeline.Providers;

namespace VideoPipeline.Providers.AzureOpenAI.Video;

/// <summary>
/// Sora 1, Azure's preview jobs API: <c>POST video/generations/jobs</c>, poll <c>jobs/{id}</c>, then
/// <c>video/generations/{generation}/content/video</c>, all with <c>api-version=preview</c>.
/// </summary>
public sealed class Sora1VideoJobProvider(AzureOpenAIRouter router, IOptions<Sora1Options> options, IMediaProbe probe)
    : SoraVideoJobProvider(router, options.Value, probe)
{
    public const string ProviderName = "azure-openai/sora-1";

    private const string Preview = "api-version=preview";

    public override string Name => ProviderName;

    protected override string SubmitPath => $"video/generations/jobs?{Preview}";

    protected override SoraShape Shape(SceneClipRequest request) => SoraShape.ForSora1(request);

    protected override JsonObject SubmitBody(string deployment, string prompt, SoraShape shape) => new()
    {
        ["model"] = deployment,
        ["prompt"] = prompt,
        ["width"] = shape.Width,
        ["height"] = shape.Height,
        ["n_seconds"] = shape.Seconds,
        ["n_variants"] = 1,
    };

    protected override string JobPath(string jobId) => $"video/generations/jobs/{Uri.EscapeDataString(jobId)}?{Preview}";

    // Documented: queued, preprocessing, running, processing, then succeeded, failed or cancelled; anything else is still going.
    protected override VideoJobState StateOf(JsonElement job) => job.OptionalString("status") switch
    {
        "queued" or "preprocessing" => new VideoJobState(VideoJobPhase.Queued),
        "succeeded" => new VideoJobState(VideoJobPhase.Succeeded, 100),
        "failed" => new VideoJobState(VideoJobPhase.Failed, FailureReason: job.OptionalString("failure_reason") ?? "the job failed without a reason"),
        "cancelled" => new VideoJobState(VideoJobPhase.Cancelled),
        _ => new VideoJobState(VideoJobPhase.Running),
    };

    protected override string? ContentPath(JsonElement job, string jobId) =>
        job.Items("generations").Select(g => g.OptionalString("id")).FirstOrDefault(id => !string.IsNullOrEmpty(id)) is { } generation
            ? $"video/generations/{Uri.EscapeDataString(generation)}/content/video?{Preview}"
            : null;

    protected override DateTimeOffset? FinishedAt(JsonElement job) => job.OptionalUnixTime("finished_at");

    protected override double? BilledSeconds(JsonElement job) => job.OptionalNumber("n_seconds") * (job.OptionalNumber("n_variants") ?? 1);
}
