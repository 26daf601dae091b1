using Microsoft.DurableTask;
using VideoPipeline.Domain;
using VideoPipeline.Jobs;
using VideoPipeline.Jobs.Admission;
using VideoPipeline.Workflow.Activities;
using VideoPipeline.Workflow.Contracts;
using VideoPipeline.Workflow.Manifest;
using VideoPipeline.Durable;

namespace VideoPipeline.Workflow;

/// <summary>
/// Prompt to finished video: moderate → (transcribe script audio) → plan → per scene, in parallel,
/// render a clip and voice + transcribe the narration, plus the music bed → decide edits →
/// build captions → assemble. Deterministic: everything it does not compute from its input and
/// activity results comes from the context. Waits for a slot of its admission line first, and hands it on last.
/// </summary>
[DurableTask(Name)]
public sealed class GenerateVideoOrchestrator : TaskOrchestrator<GenerateVideoInput, GenerateVideoResult>
{
    public const string Name = "GenerateVideo";

    public override async Task<GenerateVideoResult> RunAsync(TaskOrchestrationContext context, GenerateVideoInput input)
    {
        if (input.Settings.AdmissionLine is { } line)
        {
            var ticket = new JoinLineInput(line, input.JobId, input.Priority, input.SubmittedAt ?? new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero));
            await AdmissionSteps.WaitForSlotAsync(context, ticket, TimeSpan.FromSeconds(input.Settings.AdmissionRecheckSeconds));
        }

        var events = new JobEvents(context, input);
        var status = new PipelineProgress(context, events);
        GenerateVideoResult result;
        try
        {
            result = await RunPipelineAsync(context, input, status);
        }
        catch (PipelineFailedException e)
        {
            await events.FailedAsync(e.Error, status.Progress);
            await LeaveLineAsync(context, input);
            throw;
        }
        catch (Exception e) when (!OrchestrationFailures.IsRuntimeSignal(e))
        {
            // A failure no stage mapped (a bug): still a job that says why, and where.
            var failure = status.Fail(new PipelineError(ErrorCodes.StageFailed, e.Message.Split('\n', 2)[0], false, status.Stage));
            await events.FailedAsync(failure.Error, status.Progress);
            await LeaveLineAsync(context, input);
            throw failure;
        }

        await events.SucceededAsync(result);
        await LeaveLineAsync(context, input);
        return result;
    }

    private static Task LeaveLineAsync(TaskOrchestrationContext context, GenerateVideoInput input) =>
        input.Settings.AdmissionLine is { } line ? AdmissionSteps.LeaveAsync(context, line, input.JobId) : Task.CompletedTask;

    private static async Task<GenerateVideoResult> RunPipelineAsync(TaskOrchestrationContext context, GenerateVideoInput input, PipelineProgress status)
    {
        var request = input.Request;
        var settings = input.Settings;
        var retry = PipelineRetry.From(settings);
        var clock = new StageClock(context);

        status.Enter(PipelineStage.Moderation, 1);
        var verdict = await status.Run(PipelineStage.Moderation, () =>
            clock.Track(PipelineStage.Moderation, context.CallModerateContentAsync(new ModerateContentInput(request.Prompt), retry)));
        if (verdict.Flagged)
        {
            throw status.Fail(new PipelineError(
                ErrorCodes.ContentRejected,
                $"the prompt was rejected by content moderation ({string.Join(", ", verdict.Categories)})",
                Retryable: false,
                PipelineStage.Moderation));
        }

        string? script = null;
        IReadOnlyList<ProviderUsage> scriptUsage = [];
        if (input.ScriptAudio is { } scriptAudio)
        {
            status.Enter(PipelineStage.ScriptTranscription, 2);
            var heard = await status.Run(PipelineStage.ScriptTranscription, () => clock.Track(
                PipelineStage.ScriptTranscription,
                context.CallTranscribeNarrationAsync(new TranscribeNarrationInput(scriptAudio, request.VoiceSettings.Language), retry)));
            scriptUsage = heard.Usage;
            script = string.IsNullOrWhiteSpace(heard.Text)
                ? throw status.Fail(new PipelineError(ErrorCodes.InvalidInput, "script_audio: no speech was recognized", false, PipelineStage.ScriptTranscription))
                : heard.Text;
        }

        status.Enter(PipelineStage.Planning, 5);
        var plan = await status.Run(PipelineStage.Planning, () => clock.Track(
            PipelineStage.Planning,
            context.CallPlanScenesAsync(new PlanScenesInput(request.Prompt, script, request.DurationSeconds, request.Style), retry)));
        var slots = SceneTimeline.Build(plan.Scenes, request.Fps);
        var duration = slots[^1].End;

        status.Enter(PipelineStage.VideoGeneration, 8, $"{slots.Count} scenes");
        var narrated = slots.Where(s => !string.IsNullOrWhiteSpace(s.Scene.Narration)).ToList();
        status.Units(8, 60, slots.Count + (narrated.Count * (request.Captions ? 2 : 1)) + 1);

        // Narration first: each is a chain (voice, then transcript) that captions wait on; clips are independent.
        var narrationTasks = narrated.Select(slot => NarrateAsync(context, status, clock, slot, request, settings, retry)).ToList();
        var musicTask = status.Track(clock.Track(PipelineStage.Music, context.CallComposeMusicAsync(
            new ComposeMusicInput(duration, request.VoiceSettings.Emotion ?? request.Style, input.Music),
            retry)));
        var clipTasks = slots.Select(slot => status.Track(clock.Track(PipelineStage.VideoGeneration, SceneRendering.RenderAsync(
            context,
            new GenerateSceneClipInput(slot.Scene, slots.Count, request.Resolution, request.Fps, slot.FrameCount, request.Style),
            settings,
            retry)))).ToList();

        try
        {
            await Task.WhenAll(clipTasks.Cast<Task>().Concat(narrationTasks).Append(musicTask));
        }
        catch (TaskFailedException e)
        {
            throw status.Fail(PipelineError.From(e, StageOf(e.TaskName)));
        }
        catch (SceneRenderingFailedException e)
        {
            throw status.Fail(new PipelineError(
                e.Rejected ? ErrorCodes.ContentRejected : ErrorCodes.StageFailed, e.Message, Retryable: !e.Rejected, PipelineStage.VideoGeneration));
        }

        var clips = clipTasks.Select(t => t.Result.Clip).ToList();
        var routing = clipTasks.SelectMany(t => t.Result.Decisions).ToList();
        var narration = narrationTasks.Select(t => t.Result).ToList();
        var music = musicTask.Result;

        var frameCheck = settings.FrameCheckFramesPerScene > 0
            ? await status.Run(PipelineStage.VideoGeneration, () => clock.Track(
                PipelineStage.VideoGeneration,
                context.CallModerateFramesAsync(new ModerateFramesInput(clips, settings.FrameCheckFramesPerScene), retry)))
            : null;
        if (frameCheck is { Flagged: true })
        {
            throw status.Fail(new PipelineError(
                ErrorCodes.ContentRejected,
                $"generated frames of scene {string.Join(", ", frameCheck.FlaggedScenes)} were rejected by content moderation ({string.Join(", ", frameCheck.Categories)})",
                Retryable: false,
                PipelineStage.VideoGeneration));
        }

        status.Enter(PipelineStage.Editing, 60);
        var instructions = request.EditingInstructions.Count > 0 ? request.EditingInstructions : plan.SuggestedOverlays;
        var timeline = clips.Zip(slots, (clip, slot) => new TimelineClip(clip, slot.Start, slot.FrameCount)).ToList();
        var edits = await status.Run(PipelineStage.Editing, () => clock.Track(PipelineStage.Editing, context.CallApplySceneEditsAsync(
            new ApplySceneEditsInput(timeline, instructions, duration, request.Resolution, request.Fit, request.Fps),
            retry)));

        CaptionsResult? captions = null;
        if (request.Captions)
        {
            status.Enter(PipelineStage.Captioning, 62);
            var tracks = narration.Select(n => new NarrationTrack(
                n.Slot.Scene.SceneNumber, n.Slot.Scene.Narration, n.Start, n.Voice.DurationSeconds, n.Transcript!.Transcript)).ToList();
            captions = await status.Run(PipelineStage.Captioning, () => clock.Track(
                PipelineStage.Captioning,
                context.CallBuildCaptionsAsync(new BuildCaptionsInput(input.JobId, tracks, request.CaptionStyle, duration, request.Resolution), retry)));
        }

        status.Enter(PipelineStage.Assembly, 65);
        var voices = narration.Select(n => new PlacedAudio(n.Voice.Audio, n.Start)).ToList();
        var assembly = new AssembleVideoInput(input.JobId, edits, voices, music, captions?.Ass, request.Resolution, request.Fps, duration, request.Fit)
        {
            Progress = new JobProgressTarget(input.OwnerId, input.JobId, PipelineStage.Assembly, 65, 99),
        };
        var final = await status.Run(PipelineStage.Assembly, () => clock.Track(PipelineStage.Assembly, context.CallAssembleVideoAsync(assembly, retry)));

        status.Complete("done");
        return new GenerateVideoResult
        {
            JobId = input.JobId,
            Plan = plan,
            Script = script,
            Clips = clips,
            Voiceovers = narration.Select(n => n.Voice).ToList(),
            Music = music,
            Captions = captions,
            Edits = edits,
            Final = final,
            Assembly = assembly,
            Providers = Providers(verdict, plan, clips, narration, music),
            Routing = routing,
            Usage =
            [
                .. verdict.Usage,
                .. scriptUsage,
                .. plan.Usage,
                .. clips.SelectMany(c => c.Usage),
                .. narration.SelectMany(n => n.Voice.Usage.Concat(n.Transcript?.Usage ?? [])),
                .. frameCheck?.Usage ?? [],
            ],
            Warnings =
            [
                .. plan.Warnings,
                .. edits.Warnings,
                .. narration.SelectMany(n => n.Voice.Ignored).Distinct(),
                .. frameCheck is { Skipped: true } ? ["frame post-check skipped: no image moderator is configured (Providers:Moderation=azure-openai reads images)"] : Array.Empty<string>(),
            ],
            Stages = clock.Timings(),
        };
    }

    private static async Task<SceneNarration> NarrateAsync(
        TaskOrchestrationContext context,
        PipelineProgress status,
        StageClock clock,
        TimelineSlot slot,
        VideoRequest request,
        OrchestrationSettings settings,
        TaskOptions retry)
    {
        var start = slot.Start + settings.NarrationLeadSeconds;
        var room = Math.Max(0.5, slot.Duration - settings.NarrationLeadSeconds - settings.NarrationTailSeconds);
        var voice = await status.Track(clock.Track(PipelineStage.Voiceover, context.CallSynthesizeVoiceoverAsync(
            new SynthesizeVoiceoverInput(slot.Scene.SceneNumber, slot.Scene.Narration, request.VoiceSettings, room),
            retry)));
        var transcript = request.Captions
            ? await status.Track(clock.Track(PipelineStage.Transcription, context.CallTranscribeNarrationAsync(
                new TranscribeNarrationInput(voice.Audio, request.VoiceSettings.Language), retry)))
            : null;
        return new SceneNarration(slot, start, voice, transcript);
    }

    private static string StageOf(string activity) =>
        activity == TaskNames.Of<SynthesizeVoiceoverActivity>() ? PipelineStage.Voiceover
        : activity == TaskNames.Of<TranscribeNarrationActivity>() ? PipelineStage.Transcription
        : activity == TaskNames.Of<ComposeMusicActivity>() ? PipelineStage.Music
        : PipelineStage.VideoGeneration;

    private static Dictionary<string, string> Providers(
        ModerationVerdict verdict, ScenePlan plan, List<SceneClipResult> clips, List<SceneNarration> narration, MusicResult music)
    {
        var providers = new Dictionary<string, string>
        {
            ["moderation"] = verdict.Moderator,
            ["planner"] = plan.Planner,
            ["scene_renderer"] = string.Join(", ", clips.Select(c => c.Provider).Distinct()),
            ["music"] = music.Description,
        };
        if (narration.Count > 0)
        {
            providers["tts"] = string.Join(", ", narration.Select(n => n.Voice.Voice).Distinct());
        }

        if (narration.FirstOrDefault(n => n.Transcript is not null)?.Transcript is { } t)
        {
            providers["stt"] = t.Engine;
        }

        return providers;
    }

    private sealed record SceneNarration(TimelineSlot Slot, double Start, VoiceoverResult Voice, TranscriptionResult? Transcript);
}
