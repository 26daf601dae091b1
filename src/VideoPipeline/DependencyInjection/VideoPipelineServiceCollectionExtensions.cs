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
using VideoPipeline.Durable.Hosting;
using VideoPipeline.Jobs.Admission;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;

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
        services.TryAddSingleton<IFFMpegCoreOptions, FFMpegCoreOptions>();
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

    /// <summary>
    /// The workflows on the local Durable backend (the Durable Task Framework on Azure Storage), their activities,
    /// admission and job bookkeeping. A Functions host registers the same workflows on its own backend.
    /// </summary>
    public static IServiceCollection AddPipelineOrchestration(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPipelineWorkflows(configuration);
        services.AddDurableTaskHub(configuration);
        services.AddHostedService<AdmissionController>();
        return services;
    }

    /// <summary>What any Durable host needs of the pipeline: workflows, data converter, failure properties, admission, job records.</summary>
    public static IServiceCollection AddPipelineWorkflows(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<DataConverter>(new Microsoft.DurableTask.Converters.JsonDataConverter(PipelineJson.Options));
        services.TryAddSingleton<IExceptionPropertiesProvider>(new ExceptionDataProperties(IsNonRetriable));
        services.AddDurableActivities(configuration);
        services.AddOptions<AdmissionOptions>()
            .Bind(configuration.GetSection(AdmissionOptions.Section))
            .Configure(o =>
            {
                // One job saturates the cores in its fan-out; a second overlaps the first's serial stages.
                o.Concurrency.TryAdd(TaskNames.Of<GenerateVideoOrchestrator>(), 2);

                // A first ETA before any job has finished here: a cloud-provider job of a few scenes (offline ones are faster).
                o.InitialRunEstimates.TryAdd(TaskNames.Of<GenerateVideoOrchestrator>(), TimeSpan.FromMinutes(3));
            });
        services.TryAddSingleton<JobAdmission>();

        services.AddWorkflows(registry => registry
            .AddOrchestrator<GenerateVideoOrchestrator>()
            .AddActivity<JoinAdmissionLineActivity>()
            .AddActivity<LeaveAdmissionLineActivity>()
            .AddActivity<ModerateContentActivity>()
            .AddActivity<ModerateFramesActivity>()
            .AddActivity<TranscribeNarrationActivity>()
            .AddActivity<PlanScenesActivity>()
            .AddActivity<GenerateSceneClipActivity>()
            .AddActivity<SubmitSceneJobActivity>()
            .AddActivity<PollSceneJobActivity>()
            .AddActivity<DownloadSceneJobActivity>()
            .AddActivity<CancelSceneJobActivity>()
            .AddActivity<SynthesizeVoiceoverActivity>()
            .AddActivity<ComposeMusicActivity>()
            .AddActivity<ApplySceneEditsActivity>()
            .AddActivity<BuildCaptionsActivity>()
            .AddActivity<AssembleVideoActivity>()
            .AddActivity<RecordJobEventActivity>());
        services.TryAddSingleton<JobEventRecorder>();
        services.TryAddSingleton<JobProgressReporter>();
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
}
