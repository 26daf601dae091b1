using VideoPipeline.Domain;
using VideoPipeline.Workflow.Activities;
using VideoPipeline.Durable;

namespace VideoPipeline.Workflow.Manifest;

/// <summary>Per-stage wall time derived from orchestration history (TaskScheduled → TaskCompleted).</summary>
public static class StageTimings
{
    public static IReadOnlyList<StageTiming> From(IReadOnlyList<HistoryEvent> history)
    {
        var scheduled = history.Where(e => e.EventType == HistoryEventTypes.TaskScheduled).ToDictionary(e => e.TaskScheduledId!.Value);
        var planned = history.FirstOrDefault(e => e.EventType == HistoryEventTypes.TaskScheduled && e.Name == ActivityNames.PlanScenes);
        var spans = new Dictionary<string, (DateTime Start, DateTime End, int Tasks)>();
        var order = new List<string>();
        foreach (var done in history.Where(e => e.EventType is HistoryEventTypes.TaskCompleted or HistoryEventTypes.TaskFailed))
        {
            if (done.Name == ActivityNames.RecordJobEvent)
            {
                // Bookkeeping that runs beside the stages, not a stage.
                continue;
            }

            var start = scheduled[done.TaskScheduledId!.Value];
            var stage = StageOf(done.Name!, start, planned);
            if (!spans.TryGetValue(stage, out var span))
            {
                order.Add(stage);
                span = (start.Timestamp, done.Timestamp, 0);
            }

            spans[stage] = (Min(span.Start, start.Timestamp), Max(span.End, done.Timestamp), span.Tasks + 1);
        }

        return order.Select(s => new StageTiming(s, Math.Round((spans[s].End - spans[s].Start).TotalSeconds, 3), spans[s].Tasks)).ToList();
    }

    private static string StageOf(string activity, HistoryEvent scheduled, HistoryEvent? planned) => activity switch
    {
        ActivityNames.ModerateContent => PipelineStage.Moderation,
        ActivityNames.TranscribeNarration when planned is null || scheduled.EventId < planned.EventId => PipelineStage.ScriptTranscription,
        ActivityNames.TranscribeNarration => PipelineStage.Transcription,
        ActivityNames.PlanScenes => PipelineStage.Planning,
        ActivityNames.GenerateSceneClip => PipelineStage.VideoGeneration,
        ActivityNames.SynthesizeVoiceover => PipelineStage.Voiceover,
        ActivityNames.ComposeMusic => PipelineStage.Music,
        ActivityNames.ApplySceneEdits => PipelineStage.Editing,
        ActivityNames.BuildCaptions => PipelineStage.Captioning,
        ActivityNames.AssembleVideo => PipelineStage.Assembly,
        _ => activity,
    };

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
