using VideoPipeline.Domain;
using VideoPipeline.Providers;
using VideoPipeline.Workflow.Contracts;
using Microsoft.DurableTask;
using VideoPipeline.Durable.Activities;

namespace VideoPipeline.Workflow.Activities;

[DurableTask("PlanScenes")]
public sealed class PlanScenesActivity(IScenePlanner planner, ActivityExecution execution) : TaskActivity<PlanScenesInput, ScenePlan>
{
    public override async Task<ScenePlan> RunAsync(TaskActivityContext context, PlanScenesInput input)
    {
        using var usage = UsageLedger.Begin();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var plan = await planner.PlanAsync(
            new PlanRequest { Prompt = input.Prompt, Script = input.Script, DurationSeconds = input.DurationSeconds, Style = input.Style },
            execution.CancellationToken);
        return plan with
        {
            Usage = usage.Entries.Count > 0
                ? usage.Entries
                : [ProviderUsages.Local(plan.Planner, "scene.plan", "characters", (input.Script ?? input.Prompt).Length, clock.Elapsed)],
        };
    }
}
