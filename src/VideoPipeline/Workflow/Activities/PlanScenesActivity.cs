using VideoPipeline.Domain;
using VideoPipeline.Providers;
using VideoPipeline.Workflow.Contracts;
using VideoPipeline.Durable;

namespace VideoPipeline.Workflow.Activities;

public sealed class PlanScenesActivity(IScenePlanner planner) : TaskActivity<PlanScenesInput, ScenePlan>
{
    public override Task<ScenePlan> RunAsync(ActivityContext context, PlanScenesInput input) =>
        planner.PlanAsync(
            new PlanRequest { Prompt = input.Prompt, Script = input.Script, DurationSeconds = input.DurationSeconds, Style = input.Style },
            context.CancellationToken);
}
