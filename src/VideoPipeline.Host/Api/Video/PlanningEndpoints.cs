using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain;
using VideoPipeline.Host.Api.Limits;
using VideoPipeline.Providers;
using VideoPipeline.Providers.ComfyUI;

namespace VideoPipeline.Host.Api.Video;

/// <summary>Seed 002's synchronous helpers: <c>plan-scenes</c> (the configured planner) and <c>generate-workflow</c> (ComfyUI JSON).</summary>
public static class PlanningEndpoints
{
    public const int MaxScenes = 60;

    public static RouteGroupBuilder MapPlanningEndpoints(this RouteGroupBuilder video)
    {
        video.MapPost("/plan-scenes", PlanScenesAsync).WithName("PlanScenes");
        video.MapPost("/generate-workflow", GenerateWorkflowAsync).WithName("GenerateWorkflow");
        return video;
    }

    private static async Task<Results<Ok<ScenePlan>, ProblemHttpResult>> PlanScenesAsync(
        HttpRequest http, JsonBodyReader reader, IScenePlanner planner, IOptions<VideoApiOptions> options, CancellationToken cancellationToken)
    {
        var body = await reader.ReadAsync<PlanScenesBody>(http, options.Value.MaxJsonBodyBytes, cancellationToken);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var plan = body.Value!;
        var errors = new Dictionary<string, string[]>();
        Add(errors, "script", VideoRequestRules.Prompt("script", plan.Script));
        Add(errors, "prompt", plan.Prompt is null ? null : VideoRequestRules.Prompt("prompt", plan.Prompt));
        Add(errors, "duration_seconds", VideoRequestRules.Duration("duration_seconds", plan.DurationSeconds ?? 30));
        Add(errors, "style", plan.Style is null ? null : VideoRequestRules.Style("style", plan.Style));
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        try
        {
            return TypedResults.Ok(await planner.PlanAsync(
                new PlanRequest
                {
                    Prompt = (plan.Prompt ?? plan.Script!).Trim(),
                    Script = plan.Script!.Trim(),
                    DurationSeconds = plan.DurationSeconds ?? 30,
                    Style = plan.Style?.Trim() ?? "professional",
                    StylePreferences = plan.StylePreferences ?? [],
                },
                cancellationToken));
        }
        catch (Exception e) when (e is PermanentPipelineException or TransientPipelineException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "The scene planner failed", detail: e.Message.Split('\n', 2)[0]);
        }
    }

    private static async Task<Results<Ok<GenerateWorkflowResult>, ProblemHttpResult>> GenerateWorkflowAsync(
        HttpRequest http, JsonBodyReader reader, ComfyWorkflowBuilder builder, IOptions<VideoApiOptions> options, CancellationToken cancellationToken)
    {
        var body = await reader.ReadAsync<GenerateWorkflowBody>(http, options.Value.MaxJsonBodyBytes, cancellationToken);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var request = body.Value!;
        var errors = new Dictionary<string, string[]>();
        var scenes = ScenesOf(request.Scenes, errors);
        var parameters = request.Parameters ?? new WorkflowParametersBody();
        var resolution = Resolution.Landscape720;
        if (parameters.Resolution is not null)
        {
            Add(errors, "parameters.resolution", VideoRequestRules.Resolution("parameters.resolution", parameters.Resolution, out resolution));
        }

        if (parameters.Steps is < 1 or > 200)
        {
            Add(errors, "parameters.steps", "parameters.steps must be 1 to 200");
        }

        if (request.TemplateId is { } template && template != builder.Template.Name)
        {
            Add(errors, "template_id", $"template_id must be {builder.Template.Name} (the one template configured), or absent");
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var plan = builder.BuildPlan(scenes, resolution, parameters.Style?.Trim() ?? "professional", parameters.Steps);
        return TypedResults.Ok(new GenerateWorkflowResult(plan.WorkflowId, plan.WorkflowJson, plan.EstimatedGpuTime, builder.Template.Name));
    }

    private static List<Scene> ScenesOf(IReadOnlyList<SceneBody>? bodies, Dictionary<string, string[]> errors)
    {
        if (bodies is not { Count: > 0 and <= MaxScenes })
        {
            Add(errors, "scenes", $"scenes must hold 1 to {MaxScenes} scenes");
            return [];
        }

        var scenes = new List<Scene>();
        for (var i = 0; i < bodies.Count; i++)
        {
            var scene = bodies[i];
            var field = $"scenes[{i}]";
            Add(errors, $"{field}.description", string.IsNullOrWhiteSpace(scene.Description) ? $"{field}.description must not be empty" : null);
            Add(errors, $"{field}.duration_seconds", VideoRequestRules.Duration($"{field}.duration_seconds", scene.DurationSeconds ?? 0));
            var number = scene.SceneNumber ?? i + 1;
            Add(errors, $"{field}.scene_number", number < 1 || scenes.Any(s => s.SceneNumber == number) ? $"{field}.scene_number must be positive and unique" : null);
            scenes.Add(new Scene
            {
                SceneNumber = number,
                Description = scene.Description?.Trim() ?? "",
                DurationSeconds = scene.DurationSeconds ?? 0,
                Entities = (scene.Entities ?? []).Select(e => new SceneEntity(e.Type ?? "", e.Position ?? "", e.Action ?? "")).ToList(),
                VisualStyle = new VisualStyle { Lighting = scene.VisualStyle?.Lighting ?? "neutral", ColorPalette = scene.VisualStyle?.ColorPalette ?? "neutral" },
                Narration = scene.Narration ?? "",
            });
        }

        return scenes;
    }

    private static void Add(Dictionary<string, string[]> errors, string field, string? error)
    {
        if (error is not null)
        {
            errors[field] = [.. errors.GetValueOrDefault(field, []), error];
        }
    }
}
