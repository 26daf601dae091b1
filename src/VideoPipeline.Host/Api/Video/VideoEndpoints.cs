using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using VideoPipeline.Host.Api.Auth;
using VideoPipeline.Host.Api.Durable;
using VideoPipeline.Jobs;

namespace VideoPipeline.Host.Api.Video;

/// <summary>Seed 002's video job endpoints under <c>/api/video</c>: generate, status, list and cancel.</summary>
public static class VideoEndpoints
{
    public static RouteGroupBuilder MapVideoEndpoints(this RouteGroupBuilder api)
    {
        var video = api.MapGroup("/video").WithTags("Video");
        video.MapPost("/generate", GenerateAsync).WithName("GenerateVideo");
        video.MapGet("/jobs/{job_id}", GetJobAsync).WithName("GetVideoJob");
        video.MapGet("/jobs", ListJobsAsync).WithName("ListVideoJobs");
        video.MapPost("/jobs/{job_id}/cancel", CancelJobAsync).WithName("CancelVideoJob");
        video.MapPlanningEndpoints();
        return api;
    }

    private static async Task<Results<Accepted<GenerateAccepted>, Ok<GenerateAccepted>, ProblemHttpResult>> GenerateAsync(
        HttpContext http, [AsParameters] VideoServices services, CancellationToken cancellationToken)
    {
        var owner = http.User.OwnerId();
        var body = await services.Reader.ReadAsync<GenerateVideoBody>(http.Request, services.Options.Value.MaxJsonBodyBytes, cancellationToken);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var request = GenerateRequestMapper.Map(body.Value!, out var errors);
        if (request is null)
        {
            return ApiProblems.Validation(errors);
        }

        var hash = IdempotencyKeys.HashOf(body.Value!, services.Json.Value.SerializerOptions);
        if (IdempotencyKeys.Read(http.Request, out var key) is { } invalid)
        {
            return invalid;
        }

        string? jobId = null;
        if (key is not null)
        {
            jobId = IdempotencyKeys.JobIdFor(owner, key);
            if (await services.Jobs.GetAsync(owner, jobId, cancellationToken) is { } earlier)
            {
                return earlier.RequestHash == hash ? await ReplayedAsync(http, services, earlier, cancellationToken) : KeyReused();
            }
        }

        var music = (Asset: (Storage.AssetRef?)null, Problem: (ProblemHttpResult?)null);
        if (body.Value!.MusicUrl is { } musicUrl)
        {
            music = await services.Music.ImportAsync(new Uri(musicUrl), cancellationToken);
            if (music.Problem is { } refused)
            {
                return refused;
            }
        }

        JobView job;
        try
        {
            job = await services.Jobs.SubmitAsync(
                new JobSubmission(owner, request)
                {
                    JobId = jobId,
                    Music = music.Asset,
                    Priority = body.Value.Priority ?? 0,
                    Notification = new JobNotification(body.Value.WebhookUrl is { } hook ? new Uri(hook) : null, body.Value.Metadata),
                    RequestHash = hash,
                },
                cancellationToken);
        }
        catch (JobConflictException)
        {
            return KeyReused();
        }

        // Two submits with one key raced and the other body won: this one is the conflict.
        if (job.RequestHash != hash)
        {
            return KeyReused();
        }

        var links = WithPollingHeaders(http, services, job.JobId);

        // Seed 002: a new job is answered as pending, even when a worker has already picked it up.
        var accepted = await services.Mapper.ToBodyAsync(job, cancellationToken);
        return TypedResults.Accepted(links.StatusQueryGetUri, GenerateAccepted.From(job.IsFinished ? accepted : accepted with { Status = "pending" }, links));
    }

    private static async Task<Results<Ok<JobStatusBody>, ProblemHttpResult>> GetJobAsync(
        [FromRoute(Name = "job_id")] string jobId, HttpContext http, [AsParameters] VideoServices services, CancellationToken cancellationToken)
    {
        var job = await services.Cache.GetAsync(http.User.OwnerId(), jobId, cancellationToken);
        return job is null ? ApiProblems.NotFound("job") : TypedResults.Ok(await services.Mapper.ToBodyAsync(job, cancellationToken));
    }

    private static async Task<Results<Ok<JobListBody>, ProblemHttpResult>> ListJobsAsync(
        HttpContext http,
        [AsParameters] VideoServices services,
        CancellationToken cancellationToken,
        string? status = null,
        string? continuation = null,
        [FromQuery(Name = "page_size")] int? pageSize = null)
    {
        JobStatus? wanted = null;
        if (status is not null)
        {
            if (!Enum.TryParse<JobStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(status, out _))
            {
                return ApiProblems.Validation("status", $"status must be one of {string.Join(", ", Enum.GetNames<JobStatus>().Select(n => n.ToLowerInvariant()))}");
            }

            wanted = parsed;
        }

        if (pageSize is < 1 or > 200)
        {
            return ApiProblems.Validation("page_size", "page_size must be 1 to 200");
        }

        try
        {
            var (jobs, next) = await services.Jobs.ListAsync(http.User.OwnerId(), wanted, pageSize ?? 50, continuation, cancellationToken);
            return TypedResults.Ok(new JobListBody([.. await Task.WhenAll(jobs.Select(j => services.Mapper.ToBodyAsync(j, cancellationToken)))], next));
        }
        catch (ArgumentException)
        {
            return ApiProblems.Validation("continuation", "continuation is not a token this API returned");
        }
    }

    private static async Task<Results<Accepted<JobStatusBody>, ProblemHttpResult>> CancelJobAsync(
        [FromRoute(Name = "job_id")] string jobId, HttpContext http, [AsParameters] VideoServices services, CancellationToken cancellationToken)
    {
        var owner = http.User.OwnerId();
        var job = await services.Jobs.GetAsync(owner, jobId, cancellationToken);
        if (job is null)
        {
            return ApiProblems.NotFound("job");
        }

        if (job.IsFinished || !await services.Jobs.CancelAsync(owner, jobId, cancellationToken))
        {
            return ApiProblems.Conflict($"The job has already finished ({job.Status.ToString().ToLowerInvariant()}).");
        }

        services.Cache.Invalidate(owner, jobId);
        var now = await services.Jobs.GetAsync(owner, jobId, cancellationToken) ?? job;
        return TypedResults.Accepted($"/api/video/jobs/{Uri.EscapeDataString(jobId)}", await services.Mapper.ToBodyAsync(now, cancellationToken));
    }

    private static async Task<Ok<GenerateAccepted>> ReplayedAsync(HttpContext http, VideoServices services, JobView job, CancellationToken cancellationToken)
    {
        var links = WithPollingHeaders(http, services, job.JobId);
        http.Response.Headers["Location"] = links.StatusQueryGetUri.ToString();
        http.Response.Headers["Idempotent-Replayed"] = "true";
        return TypedResults.Ok(GenerateAccepted.From(await services.Mapper.ToBodyAsync(job, cancellationToken), links));
    }

    private static DurableManagementLinks WithPollingHeaders(HttpContext http, VideoServices services, string jobId)
    {
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(services.Options.Value.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return DurableManagementLinks.For(http.Request, jobId);
    }

    private static ProblemHttpResult KeyReused() => IdempotencyKeys.Reused("job");
}
