using Microsoft.Extensions.Options;

namespace VideoPipeline.Providers.Routing;

/// <summary>A provider order naming something that is not configured fails at start-up, naming it, not halfway through a job.</summary>
public sealed class SceneRoutingOptionsValidator(IEnumerable<IVideoJobProvider> providers) : IValidateOptions<SceneRoutingOptions>
{
    public ValidateOptionsResult Validate(string? name, SceneRoutingOptions options)
    {
        var known = providers.Select(p => p.Name).Append(SceneRoutingPolicy.OfflineRenderer).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unknown = options.ProviderOrder.Where(p => !string.IsNullOrWhiteSpace(p) && !known.Contains(p.Trim())).ToList();
        if (unknown.Count > 0)
        {
            return ValidateOptionsResult.Fail(
                $"{SceneRoutingOptions.Section}:ProviderOrder names {string.Join(", ", unknown)}, which is not configured; known: {string.Join(", ", known.Order())}");
        }

        return options.ReducedResolutionScale is > 0 and < 1
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{SceneRoutingOptions.Section}:ReducedResolutionScale must be between 0 and 1");
    }
}
