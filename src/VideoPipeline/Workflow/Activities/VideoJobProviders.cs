using VideoPipeline.Domain;
using VideoPipeline.Providers;

namespace VideoPipeline.Workflow.Activities;

/// <summary>The registered remote video providers, by the name routing uses.</summary>
public sealed class VideoJobProviders(IEnumerable<IVideoJobProvider> providers)
{
    private readonly Dictionary<string, IVideoJobProvider> byName = providers.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> Names => this.byName.Keys;

    public IVideoJobProvider Get(string name) =>
        this.byName.TryGetValue(name, out var provider)
            ? provider
            : throw new PermanentPipelineException(
                Providers.Http.ProviderErrorCodes.Misconfigured,
                $"no video provider named '{name}' is configured (SceneRouting:ProviderOrder); known: {string.Join(", ", this.byName.Keys)}");
}
