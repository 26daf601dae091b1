using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VideoPipeline.Providers.ComfyUI;
using VideoPipeline.Providers.Routing;
using VideoPipeline.Providers.Whisper;
using VideoPipeline.Domain;
using VideoPipeline.Jobs;
using VideoPipeline.Media;
using VideoPipeline.Media.Assembly;
using VideoPipeline.Media.FFmpeg;
using VideoPipeline.Media.Probing;
using VideoPipeline.Media.Text;
using VideoPipeline.Providers;
using VideoPipeline.Providers.Offline.Moderation;
using VideoPipeline.Providers.Offline.Music;
using VideoPipeline.Providers.Offline.Planning;
using VideoPipeline.Providers.Offline.Rendering;
using VideoPipeline.Providers.Offline.Speech;
using VideoPipeline.Storage;
using VideoPipeline.Serialization;
using VideoPipeline.Webhooks;
using VideoPipeline.Workflow;
using VideoPipeline.Workflow.Activities;
using VideoPipeline.Workflow.Tasks;
using VideoPipeline.Durable;
using VideoPipeline.Durable.DependencyInjection;
using VideoPipeline.Durable.InProcess;

namespace VideoPipeline.DependencyInjection;

public static class VideoPipelineServiceCollectionExtensions
{
    /// <summary>The pipeline with its offline default providers, options bound from <paramref name="configuration"/>.</summary>
    public static IServiceCollection AddVideoPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PipelineOptions>().Bind(configuration.GetSection(PipelineOptions.Section));
        services.AddOptions<FFmpegOptions>().Bind(configuration.GetSection(FFmpegOptions.Section));
        services.AddOptions<AudioMixOptions>().Bind(configuration.GetSection(AudioMixOptions.Section));

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IFFmpegRunner, FFmpegRunner>();
        services.AddOptions<TextStyleOptions>().Bind(configuration.GetSection(TextStyleOptions.Section));
        services.AddSingleton<TextFonts>();
        services.AddSingleton<IMediaProbe, FFprobeMediaProbe>();

        // Assets in Blob storage (Azurite locally), task records in Cosmos DB.
        services.AddAzureStorage(configuration);
        services.AddTaskStore(configuration);

        // Offline by default; configuration selects Azure OpenAI, ComfyUI or Whisper servers per capability.
        services.AddOfflineProviders(configuration);
        services.AddAzureOpenAIProviders(configuration);
        services.AddComfyUIProviders(configuration);
        services.AddWhisperProviders(configuration);
        services.AddSceneRouting(configuration);
        services.AddPipelineOrchestration(configuration);

        // Job events to the event log and, signed, to the job's webhook.
        services.AddWebhooks(configuration);
        services.AddProcessingTasks(configuration);
        return services;
    }

    public static IServiceCollection AddOfflineProviders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FestivalOptions>().Bind(configuration.GetSection(FestivalOptions.Section));
        services.AddOptions<PocketSphinxOptions>().Bind(configuration.GetSection(PocketSphinxOptions.Section));
        services.AddOptions<ModerationOptions>().Bind(configuration.GetSection(ModerationOptions.Section));
        services.AddOptions<AnimaticOptions>().Bind(configuration.GetSection(AnimaticOptions.Section));

        services.TryAddSingleton<IScenePlanner, RuleBasedScenePlanner>();
        services.TryAddSingleton<ISceneClipGenerator, AnimaticClipGenerator>();
        services.TryAddSingleton<ISpeechSynthesizer, FestivalSpeechSynthesizer>();
        services.TryAddSingleton<ISpeechToText, PocketSphinxSpeechToText>();
        services.TryAddSingleton<IMusicProvider, ChordProgressionMusicProvider>();
        services.TryAddSingleton<IContentModerator, BlocklistContentModerator>();
        return services;
    }

    public static IServiceCollection AddPipelineOrchestration(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<DataConverter>(new JsonDataConverter(PipelineJson.Options));
        services.AddDurableStorage(configuration);
        services.AddDurableEngine(configuration, o =>
        {
            o.IsNonRetriable = IsNonRetriable;
            AddDefaultPriorities(o.ActivityPriority);

            // One job saturates the cores in its fan-out; a second overlaps the first's serial stages.
            o.InstanceConcurrency.TryAdd(GenerateVideoOrchestrator.Name, 2);

            // A first ETA before any job has finished here: a cloud-provider job of a few scenes (offline ones are faster).
            o.InitialRunEstimates.TryAdd(GenerateVideoOrchestrator.Name, TimeSpan.FromMinutes(3));
        });

        // The in-process runner stays for fast unit tests of the workflow; jobs run on the durable engine.
        services.AddOptions<InProcessRunnerOptions>()
            .Bind(configuration.GetSection(InProcessRunnerOptions.Section))
            .Configure(o =>
            {
                o.IsNonRetriable = IsNonRetriable;
                AddDefaultPriorities(o.ActivityPriority);
            });
        services.AddSingleton<InProcessOrchestrationRunner>();

        services.AddDurableTasks(registry => registry
            .AddOrchestrator<GenerateVideoOrchestrator>(GenerateVideoOrchestrator.Name)
            .AddActivity<ModerateContentActivity>(ActivityNames.ModerateContent)
            .AddActivity<ModerateFramesActivity>(ActivityNames.ModerateFrames)
            .AddActivity<TranscribeNarrationActivity>(ActivityNames.TranscribeNarration)
            .AddActivity<PlanScenesActivity>(ActivityNames.PlanScenes)
            .AddActivity<GenerateSceneClipActivity>(ActivityNames.GenerateSceneClip)
            .AddActivity<SubmitSceneJobActivity>(ActivityNames.SubmitSceneJob)
            .AddActivity<PollSceneJobActivity>(ActivityNames.PollSceneJob)
            .AddActivity<DownloadSceneJobActivity>(ActivityNames.DownloadSceneJob)
            .AddActivity<CancelSceneJobActivity>(ActivityNames.CancelSceneJob)
            .AddActivity<SynthesizeVoiceoverActivity>(ActivityNames.SynthesizeVoiceover)
            .AddActivity<ComposeMusicActivity>(ActivityNames.ComposeMusic)
            .AddActivity<ApplySceneEditsActivity>(ActivityNames.ApplySceneEdits)
            .AddActivity<BuildCaptionsActivity>(ActivityNames.BuildCaptions)
            .AddActivity<AssembleVideoActivity>(ActivityNames.AssembleVideo)
            .AddActivity<RecordJobEventActivity>(ActivityNames.RecordJobEvent));
        services.TryAddSingleton<JobEventRecorder>();
        services.TryAddSingleton<VideoJobs>();
        return services;
    }

    /// <summary>Which providers render scenes (<c>SceneRouting</c>); every name must be a registered provider or the offline renderer.</summary>
    public static IServiceCollection AddSceneRouting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SceneRoutingOptions>().Bind(configuration.GetSection(SceneRoutingOptions.Section));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SceneRoutingOptions>, SceneRoutingOptionsValidator>());
        services.TryAddSingleton<SceneClipCache>();
        services.TryAddSingleton<VideoJobProviders>();
        return services;
    }

    private static bool IsNonRetriable(Exception e) => e is PermanentPipelineException or ExternalToolException { IsTransient: false };

    // Narration is a chain (voice, then transcript) that captions wait on; clips are independent.
    // Running the chains first keeps the cores busy to the end. Configuration may override.
    private static void AddDefaultPriorities(Dictionary<string, int> priorities)
    {
        // Job events take milliseconds and feed the status people watch: they go first.
        priorities.TryAdd(ActivityNames.RecordJobEvent, 3);
        priorities.TryAdd(ActivityNames.TranscribeNarration, 2);
        priorities.TryAdd(ActivityNames.SynthesizeVoiceover, 1);
        priorities.TryAdd(ActivityNames.ComposeMusic, 1);
    }
}
