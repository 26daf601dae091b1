using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using VideoPipeline.Media.Probing;
using VideoPipeline.Providers;

namespace VideoPipeline.Providers.AzureOpenAI.Video;

/// <summary>
/// Sora 2, the videos API: <c>POST videos</c> (seconds as the string "4", "8" or "12"; size 1280x720 or
/// 720x1280), poll <c>videos/{id}</c>, then <c>videos/{id}/content</c>. OpenAI has announced the end of
/// this API, so it stays one routable provider among others.
/// </summary>
public sealed class Sora2VideoJobProvider(AzureOpenAIRouter router, IOptions<Sora2Options> options, IMediaProbe probe)
    : SoraVideoJobProvider(router, options.Value, probe)
{
    public const string ProviderName = "azure-openai/sora-2";

    public override string Name => ProviderName;

    protected override string SubmitPath => "videos";

    protected override SoraShape Shape(SceneClipRequest request) => SoraShape.ForSora2(request);

    protected override JsonObject SubmitBody(string deployment, string prompt, SoraShape shape) => new()
    {
        ["model"] = deployment,
        ["prompt"] = prompt,
        ["seconds"] = shape.Seconds.ToString(CultureInfo.InvariantCulture),
        ["size"] = shape.Size,
    };

    protected override string JobPath(string jobId) => $"videos/{Uri.EscapeDataString(jobId)}";

    // Documented: queued, in_progress, completed, failed; anything else is still going.
    protected override VideoJobState StateOf(JsonElement job)
    {
        var progress = (int?)job.OptionalNumber("progress");
        return job.OptionalString("status") switch
        {
            "queued" => new VideoJobState(VideoJobPhase.Queued, progress),
            "completed" => new VideoJobState(VideoJobPhase.Succeeded, 100),
            "failed" => new VideoJobState(VideoJobPhase.Failed, progress, FailureMessage(job)),
            "cancelled" => new VideoJobState(VideoJobPhase.Cancelled, progress),
            _ => new VideoJobState(VideoJobPhase.Running, progress),
        };
    }

    protected override string? ContentPath(JsonElement job, string jobId) => $"videos/{Uri.EscapeDataString(jobId)}/content";

    protected override DateTimeOffset? FinishedAt(JsonElement job) => job.OptionalUnixTime("completed_at");

    protected override double? BilledSeconds(JsonElement job) => job.OptionalNumber("seconds");

    private static string FailureMessage(JsonElement job)
    {
        var error = job.Optional("error");
        return error?.OptionalString("message") ?? error?.OptionalString("code") ?? job.OptionalString("failure_reason") ?? "the video failed without a reason";
    }
}
