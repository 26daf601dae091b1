using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using VideoPipeline.Host.Api.Auth;
using VideoPipeline.Storage.Tasks;
using VideoPipeline.Webhooks.Delivery;
using VideoPipeline.Webhooks.EventLog;
using VideoPipeline.Webhooks.Secrets;

namespace VideoPipeline.Host.Api.Webhooks;

public static class WebhookEndpoints
{
    /// <summary>
    /// The owner's signing secret (<c>GET /webhooks/default/secret</c>, Replicate's shape; <c>POST …/rotate</c>), a job's event and delivery
    /// log (<c>GET /video/jobs/{id}/events</c>) and redelivery of one event (<c>POST …/events/{eventId}/redeliver</c>).
    /// Another owner's job is 404, as a missing one is.
    /// </summary>
    public static RouteGroupBuilder MapWebhookEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/webhooks/default/secret", async Task<Ok<WebhookSecretResponse>> (ClaimsPrincipal user, WebhookSecretStore secrets, CancellationToken cancellationToken) =>
        {
            var secret = await secrets.GetOrCreateAsync(user.OwnerId(), cancellationToken);
            return TypedResults.Ok(new WebhookSecretResponse(secret.Secret));
        })
        .WithName("GetWebhookSecret");

        // The previous secret keeps signing (a second v1 entry) for Webhooks:Secrets:RotationGracePeriod.
        api.MapPost("/webhooks/default/secret/rotate", async Task<Ok<WebhookSecretResponse>> (ClaimsPrincipal user, WebhookSecretStore secrets, CancellationToken cancellationToken) =>
        {
            var secret = await secrets.RotateAsync(user.OwnerId(), cancellationToken);
            return TypedResults.Ok(new WebhookSecretResponse(secret.Secret));
        })
        .WithName("RotateWebhookSecret");

        api.MapGet("/video/jobs/{jobId}/events", async Task<Results<Ok<JobEventsResponse>, ProblemHttpResult>> (
            string jobId, ClaimsPrincipal user, ITaskStore tasks, JobEventLog log, CancellationToken cancellationToken) =>
        {
            var owner = user.OwnerId();
            if (!await IsOwnJobAsync(tasks, owner, jobId, cancellationToken))
            {
                return ApiProblems.NotFound("job");
            }

            var events = await log.ListAsync(owner, jobId, cancellationToken);
            return TypedResults.Ok(new JobEventsResponse(jobId, [.. events.Select(JobEventEntry.From)]));
        })
        .WithName("ListJobEvents");

        api.MapPost("/video/jobs/{jobId}/events/{eventId}/redeliver", async Task<Results<Accepted<WebhookDeliveryEntry>, ProblemHttpResult>> (
            string jobId, string eventId, ClaimsPrincipal user, ITaskStore tasks, WebhookDeliveries deliveries, CancellationToken cancellationToken) =>
        {
            var owner = user.OwnerId();
            if (!await IsOwnJobAsync(tasks, owner, jobId, cancellationToken))
            {
                return ApiProblems.NotFound("job");
            }

            try
            {
                var delivery = await deliveries.RedeliverAsync(owner, jobId, eventId, cancellationToken);
                return delivery is null
                    ? ApiProblems.NotFound("event")
                    : TypedResults.Accepted($"/api/video/jobs/{Uri.EscapeDataString(jobId)}/events", WebhookDeliveryEntry.From(delivery));
            }
            catch (NoWebhookUrlException)
            {
                return ApiProblems.Conflict("The job was submitted without a webhook_url: there is nowhere to deliver to.");
            }
        })
        .WithName("RedeliverJobEvent");
        return api;
    }

    private static async Task<bool> IsOwnJobAsync(ITaskStore tasks, string ownerId, string jobId, CancellationToken cancellationToken) =>
        await tasks.GetAsync(ownerId, jobId, cancellationToken: cancellationToken) is { Type: TaskRecordType.Generate };
}
