using System.Globalization;
using VideoPipeline.Domain;
using Microsoft.DurableTask;
using VideoPipeline.Durable;
using VideoPipeline.Providers.Http;

namespace VideoPipeline.Providers.Routing;

/// <summary>
/// Seed 002's fallback order for a failed scene, as a pure function the orchestrator can replay: on
/// each provider, the scene's own prompt, then a simplified prompt, then the simplified prompt at a
/// reduced resolution; then the next provider. A rejection skips the reduced resolution (size was not
/// the problem); an unavailable provider is left at once. The offline renderer gets one attempt.
/// </summary>
public sealed class SceneRoutingPolicy
{
    public const string OfflineRenderer = "offline/animatic";

    private const int ReasonMaxChars = 160;

    private readonly string[] providers;
    private readonly double reducedScale;

    public SceneRoutingPolicy(IEnumerable<string> providerOrder, double reducedResolutionScale = 2.0 / 3)
    {
        this.providers = [.. providerOrder.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim())];
        if (this.providers.Length == 0)
        {
            this.providers = [OfflineRenderer];
        }

        this.reducedScale = reducedResolutionScale is > 0 and < 1
            ? reducedResolutionScale
            : throw new ArgumentOutOfRangeException(nameof(reducedResolutionScale), "must be between 0 and 1");
    }

    public SceneRoutingPolicy(SceneRoutingOptions options)
        : this(options.ProviderOrder, options.ReducedResolutionScale)
    {
    }

    public IReadOnlyList<string> Providers => this.providers;

    /// <summary>The attempt after <paramref name="failures"/> (oldest first; empty for the first attempt).</summary>
    public SceneRoutingDecision Next(int sceneNumber, Resolution requested, IReadOnlyList<SceneAttemptFailure> failures)
    {
        var scene = string.Create(CultureInfo.InvariantCulture, $"scene {sceneNumber}");
        if (failures.Count == 0)
        {
            var first = new SceneRoute(this.providers[0], SimplifiedPrompt: false, requested);
            return new SceneRoutingDecision(first, $"{scene}: {first}");
        }

        var last = failures[^1];
        var outcome = $"{scene}: {last.Route.Provider} {Verb(last.Kind)} ({Shorten(last.Reason)})";
        var sameProvider = this.SameProviderStep(last, requested);
        if (sameProvider is not null)
        {
            return new SceneRoutingDecision(sameProvider, $"{outcome}; retrying {sameProvider}");
        }

        var index = Array.IndexOf(this.providers, last.Route.Provider);
        if (index < 0 || index + 1 >= this.providers.Length)
        {
            return new SceneRoutingDecision(null, $"{outcome}; no provider left after {failures.Count} attempt(s)");
        }

        var next = new SceneRoute(this.providers[index + 1], SimplifiedPrompt: false, requested);
        return new SceneRoutingDecision(next, $"{outcome}; falling back to {next}");
    }

    /// <summary>How a failed attempt reads for routing; the error code travels in the failure's properties (activity failures cross as data).</summary>
    public static SceneFailureKind Classify(TaskFailureDetails failure) => failure.Property("code") switch
    {
        ErrorCodes.ContentRejected or ErrorCodes.ProviderRejected or ProviderErrorCodes.Refused => SceneFailureKind.Rejected,
        ProviderErrorCodes.Misconfigured => SceneFailureKind.Unavailable,
        _ when failure.Is<TransientPipelineException>() || failure.Is<HttpRequestException>() || failure.Is<TimeoutException>()
            => SceneFailureKind.Unavailable,
        _ => SceneFailureKind.Failed,
    };

    private SceneRoute? SameProviderStep(SceneAttemptFailure last, Resolution requested)
    {
        var route = last.Route;
        if (last.Kind == SceneFailureKind.Unavailable || route.Provider.StartsWith("offline/", StringComparison.Ordinal))
        {
            return null;
        }

        if (!route.SimplifiedPrompt)
        {
            return route with { SimplifiedPrompt = true, Resolution = requested };
        }

        var reduced = this.Reduce(requested);
        return last.Kind == SceneFailureKind.Failed && route.Resolution != reduced ? route with { Resolution = reduced } : null;
    }

    // Even sides, because encoders want them and Sora's smaller sizes (854x480, 480x854, 720x720) are even.
    private Resolution Reduce(Resolution requested) =>
        new(Even(requested.Width * this.reducedScale), Even(requested.Height * this.reducedScale));

    private static int Even(double side) => Math.Max(2, (int)Math.Round(side / 2, MidpointRounding.AwayFromZero) * 2);

    private static string Verb(SceneFailureKind kind) => kind switch
    {
        SceneFailureKind.Rejected => "rejected the prompt",
        SceneFailureKind.Unavailable => "is unavailable",
        _ => "failed",
    };

    private static string Shorten(string reason)
    {
        var line = reason.ReplaceLineEndings(" ").Trim();
        return line.Length <= ReasonMaxChars ? line : line[..(ReasonMaxChars - 1)] + "…";
    }
}
