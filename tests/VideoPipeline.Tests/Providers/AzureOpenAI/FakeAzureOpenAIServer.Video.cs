using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace VideoPipeline.Tests.Providers.AzureOpenAI;

internal sealed partial class FakeAzureOpenAIServer
{
    public const string Sora1JobsPath = "/openai/v1/video/generations/jobs";
    public const string Sora2VideosPath = "/openai/v1/videos";

    /// <summary>A prompt containing this fails at the end of its run; one containing <see cref="OddStatusWord"/> first reports an undocumented status.</summary>
    public const string FailWord = "doomed";
    public const string OddStatusWord = "mystery";

    /// <summary>Every fake job reports this many seconds between creation and completion.</summary>
    public const int GenerationSeconds = 42;

    private static readonly string[] Sora1Statuses = ["queued", "preprocessing", "running", "processing", "succeeded"];
    private static readonly string[] Sora2Statuses = ["queued", "in_progress", "completed"];
    private static readonly string[] Sora1Sizes = ["480x480", "854x480", "480x854", "720x720", "1280x720", "720x1280", "1080x1080", "1920x1080", "1080x1920"];
    private static readonly string[] Sora2Sizes = ["1280x720", "720x1280"];

    private readonly ConcurrentDictionary<string, VideoJob> videos = new();
    private int videoCount;

    private void MapSora1()
    {
        this.app.MapPost(Sora1JobsPath, async (HttpContext context) =>
        {
            var body = (await JsonDocument.ParseAsync(context.Request.Body)).RootElement;
            if (!PreviewVersion(context))
            {
                await RefuseAsync(context, 404, "404", "Resource not found");
                return;
            }

            var (width, height, seconds) = (body.GetProperty("width").GetInt32(), body.GetProperty("height").GetInt32(), body.GetProperty("n_seconds").GetInt32());
            if (!Sora1Sizes.Contains($"{width}x{height}") || seconds is < 1 or > 20)
            {
                await RefuseAsync(context, 400, "invalid_request_error", "unsupported dimensions or duration");
                return;
            }

            var job = this.NewJob("task_", body.GetProperty("prompt").GetString()!, width, height, seconds);
            await context.Response.WriteAsJsonAsync(Sora1Job(job, body.GetProperty("model").GetString()!));
        });

        this.app.MapGet(Sora1JobsPath + "/{id}", async (HttpContext context, string id) =>
        {
            if (!PreviewVersion(context) || !this.videos.TryGetValue(id, out var job))
            {
                await RefuseAsync(context, 404, "404", "job not found");
                return;
            }

            job.Polls++;
            await context.Response.WriteAsJsonAsync(Sora1Job(job, "sora"));
        });

        this.app.MapDelete(Sora1JobsPath + "/{id}", (HttpContext context, string id) =>
        {
            if (this.videos.TryGetValue(id, out var job))
            {
                job.Cancelled = true;
            }

            context.Response.StatusCode = job is null ? 404 : 204;
            return Task.CompletedTask;
        });

        this.app.MapGet("/openai/v1/video/generations/{generation}/content/video", async (HttpContext context, string generation) =>
        {
            var job = this.videos.Values.FirstOrDefault(j => "gen_" + j.Id == generation);
            if (!PreviewVersion(context) || job is null)
            {
                await RefuseAsync(context, 404, "404", "generation not found");
                return;
            }

            context.Response.ContentType = "video/mp4";
            await context.Response.SendFileAsync(await TestMedia.VideoAsync(job.Width, job.Height, job.Seconds, audio: false));
        });
    }

    private void MapSora2()
    {
        this.app.MapPost(Sora2VideosPath, async (HttpContext context) =>
        {
            var body = (await JsonDocument.ParseAsync(context.Request.Body)).RootElement;
            var seconds = body.GetProperty("seconds");
            var size = body.GetProperty("size").GetString() ?? string.Empty;
            if (seconds.ValueKind != JsonValueKind.String || seconds.GetString() is not ("4" or "8" or "12") || !Sora2Sizes.Contains(size))
            {
                await RefuseAsync(context, 400, "invalid_value", "seconds must be one of '4', '8', '12' and size 1280x720 or 720x1280");
                return;
            }

            var dimensions = size.Split('x').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray();
            var job = this.NewJob("video_", body.GetProperty("prompt").GetString()!, dimensions[0], dimensions[1], int.Parse(seconds.GetString()!, CultureInfo.InvariantCulture));
            await context.Response.WriteAsJsonAsync(Sora2Video(job));
        });

        this.app.MapGet(Sora2VideosPath + "/{id}", async (HttpContext context, string id) =>
        {
            if (!this.videos.TryGetValue(id, out var job))
            {
                await RefuseAsync(context, 404, "not_found", "video not found");
                return;
            }

            job.Polls++;
            await context.Response.WriteAsJsonAsync(Sora2Video(job));
        });

        this.app.MapDelete(Sora2VideosPath + "/{id}", async (HttpContext context, string id) =>
        {
            if (!this.videos.TryGetValue(id, out var job))
            {
                await RefuseAsync(context, 404, "not_found", "video not found");
                return;
            }

            job.Cancelled = true;
            await context.Response.WriteAsJsonAsync(new { id, @object = "video.deleted", deleted = true });
        });

        this.app.MapGet(Sora2VideosPath + "/{id}/content", async (HttpContext context, string id) =>
        {
            if (!this.videos.TryGetValue(id, out var job))
            {
                await RefuseAsync(context, 404, "not_found", "video not found");
                return;
            }

            context.Response.ContentType = "video/mp4";
            await context.Response.SendFileAsync(await TestMedia.VideoAsync(job.Width, job.Height, job.Seconds, audio: true));
        });
    }

    private VideoJob NewJob(string prefix, string prompt, int width, int height, int seconds)
    {
        var job = new VideoJob($"{prefix}{Interlocked.Increment(ref this.videoCount)}", prompt, width, height, seconds, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        this.videos[job.Id] = job;
        return job;
    }

    // Each poll moves the job one status on; a doomed one fails at the end, a mystery one first says something undocumented.
    private static string StatusOf(VideoJob job, string[] statuses, string failed)
    {
        if (job.Cancelled)
        {
            return "cancelled";
        }

        if (job.Polls == 1 && job.Prompt.Contains(OddStatusWord, StringComparison.Ordinal))
        {
            return "rendering_on_the_moon";
        }

        var status = statuses[Math.Min(job.Polls, statuses.Length - 1)];
        return status == statuses[^1] && job.Prompt.Contains(FailWord, StringComparison.Ordinal) ? failed : status;
    }

    private static Dictionary<string, object?> Sora1Job(VideoJob job, string model)
    {
        var status = StatusOf(job, Sora1Statuses, "failed");
        return new()
        {
            ["object"] = "video.generation.job",
            ["id"] = job.Id,
            ["status"] = status,
            ["created_at"] = job.CreatedAt,
            ["finished_at"] = status is "succeeded" or "failed" ? job.CreatedAt + GenerationSeconds : null,
            ["expires_at"] = null,
            ["generations"] = status == "succeeded"
                ? new[] { new { @object = "video.generation", id = "gen_" + job.Id, job_id = job.Id, created_at = job.CreatedAt, width = job.Width, height = job.Height, n_seconds = job.Seconds, prompt = job.Prompt } }
                : [],
            ["prompt"] = job.Prompt,
            ["model"] = model,
            ["n_variants"] = 1,
            ["n_seconds"] = job.Seconds,
            ["height"] = job.Height,
            ["width"] = job.Width,
            ["failure_reason"] = status == "failed" ? "output_moderation: the generated video was blocked" : null,
        };
    }

    private static Dictionary<string, object?> Sora2Video(VideoJob job)
    {
        var status = StatusOf(job, Sora2Statuses, "failed");
        return new()
        {
            ["id"] = job.Id,
            ["object"] = "video",
            ["model"] = "sora-2",
            ["status"] = status,
            ["progress"] = status switch { "completed" => 100, "in_progress" => 50, _ => 0 },
            ["created_at"] = job.CreatedAt,
            ["completed_at"] = status == "completed" ? job.CreatedAt + GenerationSeconds : null,
            ["seconds"] = job.Seconds.ToString(CultureInfo.InvariantCulture),
            ["size"] = $"{job.Width}x{job.Height}",
            ["error"] = status == "failed" ? new { code = "video_generation_failed", message = "the scene could not be rendered" } : null,
        };
    }

    private static bool PreviewVersion(HttpContext context) => context.Request.Query["api-version"] == "preview";

    private static async Task RefuseAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(Error(code, message));
    }

    private sealed record VideoJob(string Id, string Prompt, int Width, int Height, int Seconds, long CreatedAt)
    {
        public int Polls { get; set; }

        public bool Cancelled { get; set; }
    }
}
