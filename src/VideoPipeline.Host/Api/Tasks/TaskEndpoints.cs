using VideoPipeline.Durable;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using VideoPipeline.Host.Api.Auth;
using VideoPipeline.Host.Api.Limits;
using VideoPipeline.Serialization;
using VideoPipeline.Storage;
using VideoPipeline.Storage.Tasks;
using VideoPipeline.Workflow.Tasks;

namespace VideoPipeline.Host.Api.Tasks;

public static class TaskEndpoints
{
    private const long MaxBodyBytes = 64 * 1024;

    // Tasks take seconds, not minutes: a poller may come back sooner than for a generate job.
    private const string RetryAfterSeconds = "5";

    /// <summary>Seed 003: caption, merge and background-music tasks (202 + status URL), and their status.</summary>
    public static RouteGroupBuilder MapTaskEndpoints(this RouteGroupBuilder api)
    {
        var tasks = api.MapGroup("/tasks");
        tasks.MapPost("/caption", CaptionAsync).WithName("CreateCaptionTask");
        tasks.MapPost("/merge", MergeAsync).WithName("CreateMergeTask");
        tasks.MapPost("/background-music", BackgroundMusicAsync).WithName("CreateBackgroundMusicTask");
        tasks.MapGet("/{id}", GetAsync).WithName("GetTask");
        return api;
    }

    private static async Task<Results<Accepted<TaskAccepted>, Ok<TaskAccepted>, ProblemHttpResult>> CaptionAsync(
        HttpRequest request, ClaimsPrincipal user, JsonBodyReader reader, TaskInputResolver resolver, ProcessingTasks tasks, ITaskStore store, CancellationToken cancellationToken)
    {
        var body = await reader.ReadAsync<CaptionTaskRequest>(request, MaxBodyBytes, cancellationToken);
        if (body.Problem is { } bad)
        {
            return bad;
        }

        var req = body.Value!;
        var errors = new Dictionary<string, string[]>();
        var modelSize = TaskRequestRules.ModelSize(req.ModelSize, errors);
        var language = TaskRequestRules.Language(req.Language, errors);
        var style = TaskRequestRules.Style(req.Style, req.WordsPerLine, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var owner = user.OwnerId();
        var key = await KeyAsync(request, store, owner, "caption", req, cancellationToken);
        if (key.Answer is { } answer)
        {
            return answer;
        }

        var (video, problem) = await resolver.ResolveAsync("video_url", req.VideoUrl, owner, request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var run = tasks.NewRun(key.TaskId, owner);
        var input = new CaptionTaskInput(run, video!, language, modelSize, style, CaptionOutputs.ForTask(run.TaskId));
        return await SubmitAsync(request.HttpContext.Response, tasks, TaskRecordType.Caption, TaskNames.Of<CaptionTaskOrchestrator>(), run, input, req, key.Hash, cancellationToken);
    }

    private static async Task<Results<Accepted<TaskAccepted>, Ok<TaskAccepted>, ProblemHttpResult>> MergeAsync(
        HttpRequest request, ClaimsPrincipal user, JsonBodyReader reader, TaskInputResolver resolver, ProcessingTasks tasks, ITaskStore store, CancellationToken cancellationToken)
    {
        var body = await reader.ReadAsync<MergeTaskRequest>(request, MaxBodyBytes, cancellationToken);
        if (body.Problem is { } bad)
        {
            return bad;
        }

        var req = body.Value!;
        var errors = new Dictionary<string, string[]>();
        if (req.Scenes is not { Count: > 0 and <= TaskRequestRules.MaxScenes })
        {
            TaskRequestRules.Add(errors, "scenes", $"scenes must list 1 to {TaskRequestRules.MaxScenes} scenes", 0);
        }
        else if (req.Scenes.IndexOf(null!) is var missing and >= 0)
        {
            TaskRequestRules.Add(errors, $"scenes[{missing}]", $"scenes[{missing}] must be an object", 0);
        }

        var mode = req.Mode switch
        {
            null or "cover" => FitMode.Cover,
            "contain" => FitMode.Contain,
            _ => TaskRequestRules.Add(errors, "mode", "mode must be cover or contain", FitMode.Cover),
        };
        var videoVolume = TaskRequestRules.Volume("video_volume", req.VideoVolume, 0.2, errors);
        var voiceVolume = TaskRequestRules.Volume("voiceover_volume", req.VoiceoverVolume, 2.0, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var owner = user.OwnerId();
        var key = await KeyAsync(request, store, owner, "merge", req, cancellationToken);
        if (key.Answer is { } answer)
        {
            return answer;
        }

        var fields = req.Scenes!.SelectMany((scene, i) => new[] { ($"scenes[{i}].video_url", scene.VideoUrl), ($"scenes[{i}].voiceover_url", scene.VoiceoverUrl) });
        var (sources, problem) = await resolver.ResolveAllAsync(fields, owner, request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var scenes = sources.Chunk(2).Select(pair => new MergeScene(pair[0], pair[1])).ToList();
        var run = tasks.NewRun(key.TaskId, owner);
        var output = new AssetRef(AssetContainers.Final, AssetNames.ForTask(run.TaskId, "merged", ".mp4"));
        var input = new MergeTaskInput(run, scenes, mode, videoVolume, voiceVolume, output);
        return await SubmitAsync(request.HttpContext.Response, tasks, TaskRecordType.Merge, TaskNames.Of<MergeTaskOrchestrator>(), run, input, req, key.Hash, cancellationToken);
    }

    private static async Task<Results<Accepted<TaskAccepted>, Ok<TaskAccepted>, ProblemHttpResult>> BackgroundMusicAsync(
        HttpRequest request, ClaimsPrincipal user, JsonBodyReader reader, TaskInputResolver resolver, ProcessingTasks tasks, ITaskStore store, CancellationToken cancellationToken)
    {
        var body = await reader.ReadAsync<BackgroundMusicTaskRequest>(request, MaxBodyBytes, cancellationToken);
        if (body.Problem is { } bad)
        {
            return bad;
        }

        var req = body.Value!;
        var errors = new Dictionary<string, string[]>();
        var musicVolume = TaskRequestRules.Volume("music_volume", req.MusicVolume, 0.3, errors);
        var videoVolume = TaskRequestRules.Volume("video_volume", req.VideoVolume, 1.0, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var owner = user.OwnerId();
        var key = await KeyAsync(request, store, owner, "background-music", req, cancellationToken);
        if (key.Answer is { } answer)
        {
            return answer;
        }

        var (sources, problem) = await resolver.ResolveAllAsync([("video_url", req.VideoUrl), ("music_url", req.MusicUrl)], owner, request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var run = tasks.NewRun(key.TaskId, owner);
        var output = new AssetRef(AssetContainers.Final, AssetNames.ForTask(run.TaskId, "with_music", ".mp4"));
        var input = new BackgroundMusicTaskInput(run, sources[0], sources[1], musicVolume, videoVolume, output);
        return await SubmitAsync(request.HttpContext.Response, tasks, TaskRecordType.BackgroundMusic, TaskNames.Of<BackgroundMusicTaskOrchestrator>(), run, input, req, key.Hash, cancellationToken);
    }

    private static async Task<Results<Ok<TaskStatusView>, ProblemHttpResult>> GetAsync(
        string id, ClaimsPrincipal user, ITaskStore store, IAssetStore assets, IOptions<StorageOptions> storage, TimeProvider time, CancellationToken cancellationToken)
    {
        var record = await store.GetAsync(user.OwnerId(), id, cancellationToken: cancellationToken);
        return record is not null && TaskStatusView.IsProcessingTask(record.Type)
            ? TypedResults.Ok(await TaskStatusView.FromAsync(record, assets, storage.Value.SasLifetime, time.GetUtcNow(), cancellationToken))
            : ApiProblems.NotFound("task");
    }

    private static async Task<Results<Accepted<TaskAccepted>, Ok<TaskAccepted>, ProblemHttpResult>> SubmitAsync<T>(
        HttpResponse response, ProcessingTasks tasks, TaskRecordType type, string orchestrator, TaskRun run, object input, T request, string hash, CancellationToken cancellationToken)
    {
        var record = await tasks.SubmitAsync(type, orchestrator, run, input, JsonSerializer.SerializeToElement(request, PipelineJson.Options), hash, cancellationToken);

        // Two submits with one key raced and the other body won: this one is the conflict.
        if (record.RequestHash != hash)
        {
            return KeyReused();
        }

        var statusUrl = StatusUrl(run.TaskId);
        response.Headers.RetryAfter = RetryAfterSeconds;
        return TypedResults.Accepted(statusUrl, new TaskAccepted(run.TaskId, "queued", statusUrl));
    }

    /// <summary>
    /// The task's id: new, or named by the caller's Idempotency-Key. A key seen before answers here: the earlier
    /// task (200, same body) or 409 (another body). Checked before any URL is fetched.
    /// </summary>
    private static async Task<TaskKey> KeyAsync<T>(HttpRequest request, ITaskStore store, string owner, string kind, T body, CancellationToken cancellationToken)
    {
        var hash = IdempotencyKeys.HashOf(body, PipelineJson.Options);
        if (IdempotencyKeys.Read(request, out var key) is { } invalid)
        {
            return new TaskKey("", hash) { Answer = invalid };
        }

        if (key is null)
        {
            return new TaskKey(NewId(), hash);
        }

        var taskId = IdempotencyKeys.TaskIdFor(owner, kind, key);
        if (await store.GetAsync(owner, taskId, cancellationToken: cancellationToken) is not { } earlier)
        {
            return new TaskKey(taskId, hash);
        }

        if (earlier.RequestHash != hash)
        {
            return new TaskKey(taskId, hash) { Answer = KeyReused() };
        }

        var statusUrl = StatusUrl(taskId);
        request.HttpContext.Response.Headers.Location = statusUrl;
        request.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
        request.HttpContext.Response.Headers["Idempotent-Replayed"] = "true";
        return new TaskKey(taskId, hash) { Answer = TypedResults.Ok(new TaskAccepted(taskId, TaskStatusView.StatusName(earlier.Status), statusUrl)) };
    }

    private static ProblemHttpResult KeyReused() => IdempotencyKeys.Reused("task");

    private static string StatusUrl(string taskId) => $"/api/tasks/{taskId}";

    private static string NewId() => Guid.NewGuid().ToString("N");

    /// <summary>A key seen before (or an invalid one) sets <see cref="Answer"/>: sent instead of starting a task.</summary>
    private sealed record TaskKey(string TaskId, string Hash)
    {
        public Results<Accepted<TaskAccepted>, Ok<TaskAccepted>, ProblemHttpResult>? Answer { get; init; }
    }
}
