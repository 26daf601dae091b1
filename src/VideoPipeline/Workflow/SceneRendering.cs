using VideoPipeline.Domain;
using Microsoft.DurableTask;
using VideoPipeline.Providers;
using VideoPipeline.Providers.Http;
using VideoPipeline.Providers.Routing;
using VideoPipeline.Workflow.Activities;
using VideoPipeline.Workflow.Contracts;

namespace VideoPipeline.Workflow;

/// <summary>
/// One scene through the configured providers (seed 002's fallbacks): each attempt as the routing
/// policy decides (the scene's prompt, a simplified one, a smaller size, then the next provider).
/// Remote jobs are submitted, then polled with durable timers in between, so minutes of remote work
/// hold no thread and survive restarts; a job past its deadline is cancelled and counts as failed.
/// </summary>
internal static class SceneRendering
{
    private static readonly TimeSpan MinPoll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxPoll = TimeSpan.FromMinutes(5);

    public static async Task<RenderedScene> RenderAsync(TaskOrchestrationContext context, GenerateSceneClipInput scene, OrchestrationSettings settings, TaskOptions retry)
    {
        var policy = new SceneRoutingPolicy(settings.SceneProviders, settings.ReducedResolutionScale);
        var failures = new List<SceneAttemptFailure>();
        var decisions = new List<string>();
        var usage = new List<ProviderUsage>();
        Exception? last = null;
        while (true)
        {
            var decision = policy.Next(scene.Scene.SceneNumber, scene.Resolution, failures);
            decisions.Add(decision.Description);
            if (decision.Next is not { } route)
            {
                // The last provider's own error says best what went wrong (with one provider, exactly as it said it).
                throw last is TaskFailedException
                    ? last
                    : new SceneRenderingFailedException(decision.Description, failures.LastOrDefault()?.Kind == SceneFailureKind.Rejected);
            }

            var attempt = scene with
            {
                Scene = route.SimplifiedPrompt ? ScenePrompt.Simplify(scene.Scene) : scene.Scene,
                Resolution = route.Resolution,
            };
            try
            {
                var clip = route.Provider == SceneRoutingPolicy.OfflineRenderer
                    ? await context.CallGenerateSceneClipAsync(attempt, retry)
                    : await RemoteAsync(context, route.Provider, attempt, settings, retry, usage);
                return new RenderedScene(clip with { Usage = [.. usage, .. clip.Usage] }, decisions);
            }
            catch (TaskFailedException e)
            {
                last = e;
                failures.Add(new SceneAttemptFailure(route, SceneRoutingPolicy.Classify(e.FailureDetails), e.FailureDetails.ErrorMessage.Split('\n', 2)[0]));
            }
            catch (RemoteJobFailedException e)
            {
                last = e;
                failures.Add(new SceneAttemptFailure(route, SceneFailureKind.Failed, e.Message));
            }
        }
    }

    private static async Task<SceneClipResult> RemoteAsync(
        TaskOrchestrationContext context, string provider, GenerateSceneClipInput attempt, OrchestrationSettings settings, TaskOptions retry, List<ProviderUsage> usage)
    {
        var submitted = await context.CallSubmitSceneJobAsync(new SubmitSceneJobInput(provider, attempt), retry);
        usage.AddRange(submitted.Usage);
        if (submitted.Cached is { } cached)
        {
            return cached;
        }

        var ticket = submitted.Ticket ?? throw new RemoteJobFailedException($"{provider} accepted scene {attempt.Scene.SceneNumber} without a job id");
        var deadline = context.CurrentUtcDateTime.AddSeconds(settings.RemoteClipTimeoutSeconds);
        VideoJobState? state = null;
        while (context.CurrentUtcDateTime < deadline)
        {
            var poll = await context.CallPollSceneJobAsync(ticket, retry);
            usage.AddRange(poll.Usage);
            state = poll.State;
            switch (state.Phase)
            {
                case VideoJobPhase.Succeeded:
                    return await context.CallDownloadSceneJobAsync(new DownloadSceneJobInput(ticket, attempt), retry);
                case VideoJobPhase.Failed or VideoJobPhase.Cancelled:
                    throw new RemoteJobFailedException($"{provider} job {ticket.JobId} {state.Phase.ToString().ToLowerInvariant()}: {state.FailureReason ?? "no reason given"}");
            }

            var wait = state.PollAfter ?? TimeSpan.FromSeconds(settings.RemoteClipPollSeconds);
            wait = wait < MinPoll ? MinPoll : wait > MaxPoll ? MaxPoll : wait;
            await context.CreateTimer(context.CurrentUtcDateTime + wait, CancellationToken.None);
        }

        await CancelAsync(context, ticket);
        throw new RemoteJobFailedException(
            $"{provider} job {ticket.JobId} was still {state?.Phase.ToString().ToLowerInvariant() ?? "queued"} after {settings.RemoteClipTimeoutSeconds:0} s");
    }

    private static async Task CancelAsync(TaskOrchestrationContext context, VideoJobTicket ticket)
    {
        try
        {
            await context.CallCancelSceneJobAsync(ticket);
        }
        catch (TaskFailedException)
        {
            // Best effort: the job was given up on either way.
        }
    }

    private sealed class RemoteJobFailedException(string message) : Exception(message);
}

/// <param name="Decisions">Every routing decision for the scene, in order (the manifest's routing lines).</param>
internal sealed record RenderedScene(SceneClipResult Clip, IReadOnlyList<string> Decisions);

/// <summary>No provider could render a scene; the message is the last routing decision.</summary>
internal sealed class SceneRenderingFailedException(string message, bool rejected) : Exception(message)
{
    public bool Rejected => rejected;
}
