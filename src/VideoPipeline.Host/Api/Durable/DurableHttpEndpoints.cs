using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using VideoPipeline.Host.Api.Auth;
using VideoPipeline.Storage.Tasks;

namespace VideoPipeline.Host.Api.Durable;

/// <summary>
/// Durable Functions' HTTP API under <c>/runtime/webhooks/durabletask/instances</c>, so Durable tooling and
/// client code work against this host: status (202 while running, 200 once finished), query with
/// <c>x-ms-continuation-token</c>, raiseEvent, terminate, suspend, resume and purge. Same keys as <c>/api</c>;
/// a caller sees only its own instances (404 for the rest).
/// </summary>
public static class DurableHttpEndpoints
{
    public const string ContinuationHeader = "x-ms-continuation-token";
    private const int StatusRetryAfterSeconds = 5;

    public static IEndpointRouteBuilder MapDurableHttpApi(this IEndpointRouteBuilder app)
    {
        var instances = app.MapGroup(DurableManagementLinks.BasePath + "/instances").RequireAuthorization().WithTags("Durable");
        instances.MapGet("/{instanceId}", GetStatusAsync).WithName("DurableGetStatus");
        instances.MapGet("/", QueryAsync).WithName("DurableQuery");
        instances.MapPost("/{instanceId}/raiseEvent/{eventName}", RaiseEventAsync).WithName("DurableRaiseEvent");
        instances.MapPost("/{instanceId}/terminate", TerminateAsync).WithName("DurableTerminate");
        instances.MapPost("/{instanceId}/suspend", SuspendAsync).WithName("DurableSuspend");
        instances.MapPost("/{instanceId}/resume", ResumeAsync).WithName("DurableResume");
        instances.MapDelete("/{instanceId}", PurgeAsync).WithName("DurablePurge");
        return app;
    }

    private static async Task<IResult> GetStatusAsync(
        string instanceId,
        HttpContext http,
        [AsParameters] DurableServices services,
        CancellationToken cancellationToken,
        bool showHistory = false,
        bool showHistoryOutput = false,
        bool showInput = true,
        bool returnInternalServerErrorOnFailure = false)
    {
        if (await services.FindAsync(http.User.OwnerId(), instanceId, showInput, cancellationToken) is not { } found)
        {
            return ApiProblems.NotFound("instance");
        }

        var instance = found.Instance;
        var history = showHistory ? await services.HistoryAsync(instanceId, cancellationToken) : null;
        var body = DurableInstanceBody.From(instance, history, showInput, showHistoryOutput);
        switch (instance.RuntimeStatus)
        {
            case OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended:
                http.Response.Headers.Location = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.Path}{http.Request.QueryString}";
                http.Response.Headers.RetryAfter = StatusRetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return TypedResults.Json(body, statusCode: StatusCodes.Status202Accepted);
            case OrchestrationRuntimeStatus.Failed when returnInternalServerErrorOnFailure:
                return TypedResults.Json(body, statusCode: StatusCodes.Status500InternalServerError);
            default:
                return TypedResults.Ok(body);
        }
    }

    private static async Task<Results<Ok<List<DurableInstanceBody>>, ProblemHttpResult>> QueryAsync(
        HttpContext http,
        [AsParameters] DurableServices services,
        CancellationToken cancellationToken,
        string? runtimeStatus = null,
        string? createdTimeFrom = null,
        string? createdTimeTo = null,
        string? instanceIdPrefix = null,
        bool showInput = false,
        int? top = null)
    {
        var statuses = new HashSet<OrchestrationRuntimeStatus>();
        foreach (var name in (runtimeStatus ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<OrchestrationRuntimeStatus>(name, ignoreCase: true, out var status) || int.TryParse(name, out _))
            {
                return ApiProblems.Validation("runtimeStatus", $"runtimeStatus must list {string.Join(", ", Enum.GetNames<OrchestrationRuntimeStatus>())} (got '{name}')");
            }

            statuses.Add(status);
        }

        if (!TryTime(createdTimeFrom, out var from) || !TryTime(createdTimeTo, out var to))
        {
            return ApiProblems.Validation(from is null && createdTimeFrom is not null ? "createdTimeFrom" : "createdTimeTo", "must be an ISO 8601 time such as 2026-01-01T00:00:00Z");
        }

        if (top is < 1 or > 200)
        {
            return ApiProblems.Validation("top", "top must be 1 to 200");
        }

        TaskPage page;
        try
        {
            page = await services.Tasks.ListAsync(
                http.User.OwnerId(),
                new TaskListQuery { PageSize = top ?? 100, ContinuationToken = http.Request.Headers[ContinuationHeader].FirstOrDefault() },
                cancellationToken);
        }
        catch (ArgumentException)
        {
            return ApiProblems.Validation(ContinuationHeader, $"{ContinuationHeader} is not a token this API returned");
        }

        // One page of the caller's own tasks, filtered: Durable allows fewer results than top on a page.
        var candidates = page.Items.Where(r => instanceIdPrefix is null || r.Id.StartsWith(instanceIdPrefix, StringComparison.Ordinal));
        var instances = await Task.WhenAll(candidates.Select(r => services.Client.GetInstanceAsync(r.Id, showInput, cancellationToken)));
        var bodies = instances
            .OfType<OrchestrationMetadata>()
            .Where(i => statuses.Count == 0 || statuses.Contains(i.RuntimeStatus))
            .Where(i => (from is null || i.CreatedAt >= from) && (to is null || i.CreatedAt <= to))
            .Select(i => DurableInstanceBody.From(i, history: null, showInput, showHistoryOutput: false))
            .ToList();
        if (page.ContinuationToken is { } next)
        {
            http.Response.Headers[ContinuationHeader] = next;
        }

        return TypedResults.Ok(bodies);
    }

    private static async Task<Results<Accepted, ProblemHttpResult>> RaiseEventAsync(
        string instanceId, string eventName, HttpContext http, [AsParameters] DurableServices services, CancellationToken cancellationToken)
    {
        if (await services.FindAsync(http.User.OwnerId(), instanceId, false, cancellationToken) is not { } found)
        {
            return ApiProblems.NotFound("instance");
        }

        if (found.Instance.IsCompleted)
        {
            return ApiProblems.Gone("The instance has finished; it takes no more events.");
        }

        // Any JSON value is event data; the reader bounds its size and names what is wrong with it.
        var payload = await services.Reader.ReadAsync<JsonNode>(http.Request, services.Options.Value.MaxJsonBodyBytes, cancellationToken);
        if (payload.Problem is { } problem)
        {
            return problem;
        }

        await services.Client.RaiseEventAsync(instanceId, eventName, payload.Value, cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Results<Accepted, ProblemHttpResult>> TerminateAsync(
        string instanceId, HttpContext http, [AsParameters] DurableServices services, CancellationToken cancellationToken, string? reason = null)
    {
        var owner = http.User.OwnerId();
        if (await services.FindAsync(owner, instanceId, false, cancellationToken) is not { } found)
        {
            return ApiProblems.NotFound("instance");
        }

        if (found.Instance.IsCompleted)
        {
            return ApiProblems.Gone("The instance has already finished.");
        }

        // A video job terminated here is cancelled like any other: its record and webhooks say so.
        var text = string.IsNullOrWhiteSpace(reason) ? "terminated through the Durable HTTP API" : reason;
        var done = true;
        if (found.Record.Type == TaskRecordType.Generate)
        {
            done = await services.Jobs.CancelAsync(owner, instanceId, text, cancellationToken);
        }
        else
        {
            await services.Client.TerminateInstanceAsync(instanceId, text, cancellationToken);
        }

        services.Cache.Invalidate(owner, instanceId);
        return done ? TypedResults.Accepted((string?)null) : ApiProblems.Gone("The instance has already finished.");
    }

    private static Task<Results<Accepted, ProblemHttpResult>> SuspendAsync(
        string instanceId, HttpContext http, [AsParameters] DurableServices services, CancellationToken cancellationToken, string? reason = null) =>
        LifecycleAsync(instanceId, http, services, (client, id) => client.SuspendInstanceAsync(id, reason, cancellationToken), cancellationToken);

    private static Task<Results<Accepted, ProblemHttpResult>> ResumeAsync(
        string instanceId, HttpContext http, [AsParameters] DurableServices services, CancellationToken cancellationToken, string? reason = null) =>
        LifecycleAsync(instanceId, http, services, (client, id) => client.ResumeInstanceAsync(id, reason, cancellationToken), cancellationToken);

    private static async Task<Results<Accepted, ProblemHttpResult>> LifecycleAsync(
        string instanceId, HttpContext http, DurableServices services, Func<DurableTaskClient, string, Task> change, CancellationToken cancellationToken)
    {
        var owner = http.User.OwnerId();
        if (await services.FindAsync(owner, instanceId, false, cancellationToken) is not { } found)
        {
            return ApiProblems.NotFound("instance");
        }

        if (found.Instance.IsCompleted)
        {
            return ApiProblems.Gone("The instance has already finished.");
        }

        await change(services.Client, instanceId);
        services.Cache.Invalidate(owner, instanceId);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Results<Ok<DurablePurgeBody>, ProblemHttpResult>> PurgeAsync(
        string instanceId, HttpContext http, [AsParameters] DurableServices services, CancellationToken cancellationToken)
    {
        var owner = http.User.OwnerId();
        if (await services.FindAsync(owner, instanceId, false, cancellationToken) is not { } found)
        {
            return ApiProblems.NotFound("instance");
        }

        if (!found.Instance.IsCompleted)
        {
            return ApiProblems.Conflict("The instance is still running; terminate it first, then purge.");
        }

        var purged = await services.Client.PurgeInstanceAsync(instanceId, cancellationToken);
        services.Cache.Invalidate(owner, instanceId);
        return purged.PurgedInstanceCount > 0 ? TypedResults.Ok(new DurablePurgeBody(purged.PurgedInstanceCount)) : ApiProblems.NotFound("instance");
    }

    private static bool TryTime(string? text, out DateTimeOffset? time)
    {
        time = null;
        if (text is null)
        {
            return true;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return false;
        }

        time = parsed;
        return true;
    }
}

/// <summary>Durable's purge answer.</summary>
public sealed record DurablePurgeBody([property: System.Text.Json.Serialization.JsonPropertyName("instancesDeleted")] int InstancesDeleted);
