namespace VideoPipeline.Workflow.Contracts;

public sealed record PlanScenesInput(string Prompt, string? Script, double DurationSeconds, string Style);
