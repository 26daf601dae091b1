using VideoPipeline.Providers.Routing;

namespace VideoPipeline.Workflow.Contracts;

/// <summary>
/// Configuration the orchestrator needs, captured into its input when the job starts. Orchestrators
/// never read configuration themselves: a replay after a config change must decide the same way.
/// </summary>
public sealed record OrchestrationSettings(
    double NarrationLeadSeconds = 0.25,
    double NarrationTailSeconds = 0.2,
    int RetryMaxAttempts = 3,
    double RetryFirstIntervalSeconds = 5,
    double RetryMaxIntervalSeconds = 300)
{
    /// <summary>Scene providers in order of preference (<see cref="SceneRoutingOptions.ProviderOrder"/>); empty: the offline renderer.</summary>
    public IReadOnlyList<string> SceneProviders { get; init; } = [];

    public double ReducedResolutionScale { get; init; } = 2.0 / 3;

    public double RemoteClipTimeoutSeconds { get; init; } = 1800;

    public double RemoteClipPollSeconds { get; init; } = 10;

    /// <inheritdoc cref="PipelineOptions.FrameCheckFramesPerScene"/>
    public int FrameCheckFramesPerScene { get; init; }
    /// <summary>See <see cref="PipelineOptions.ProgressEventStep"/>.</summary>
    public int ProgressEventStep { get; init; } = 10;

    /// <summary>See <see cref="PipelineOptions.ProgressEventMinInterval"/>.</summary>
    public double ProgressEventMinIntervalSeconds { get; init; }

    /// <summary>The admission line the job waits in for a slot (<c>Admission:Concurrency</c>); null when its kind is not limited.</summary>
    public string? AdmissionLine { get; init; }

    /// <inheritdoc cref="Jobs.Admission.AdmissionOptions.RecheckInterval"/>
    public double AdmissionRecheckSeconds { get; init; } = 60;

    public static OrchestrationSettings From(PipelineOptions options, SceneRoutingOptions? routing = null) => new(
        options.NarrationLeadSeconds,
        options.NarrationTailSeconds,
        options.RetryMaxAttempts,
        options.RetryFirstInterval.TotalSeconds,
        options.RetryMaxInterval.TotalSeconds)
    {
        SceneProviders = [.. routing?.ProviderOrder ?? []],
        ReducedResolutionScale = routing?.ReducedResolutionScale ?? 2.0 / 3,
        RemoteClipTimeoutSeconds = options.RemoteClipTimeout.TotalSeconds,
        RemoteClipPollSeconds = options.RemoteClipPollInterval.TotalSeconds,
        FrameCheckFramesPerScene = options.FrameCheckFramesPerScene,
        ProgressEventStep = options.ProgressEventStep,
        ProgressEventMinIntervalSeconds = options.ProgressEventMinInterval.TotalSeconds,
    };
}
