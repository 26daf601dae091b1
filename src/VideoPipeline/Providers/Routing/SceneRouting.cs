using VideoPipeline.Domain;

namespace VideoPipeline.Providers.Routing;

/// <summary>One way to render a scene: a provider, with the scene's own or simplified prompt, at a size.</summary>
public sealed record SceneRoute(string Provider, bool SimplifiedPrompt, Resolution Resolution)
{
    public override string ToString() =>
        $"{this.Provider}{(this.SimplifiedPrompt ? " with a simplified prompt" : "")} at {this.Resolution}";
}

/// <summary>Why an attempt failed, as far as choosing the next one is concerned.</summary>
public enum SceneFailureKind
{
    /// <summary>The provider refused this prompt (content filter, validation): a simpler prompt may pass.</summary>
    Rejected,

    /// <summary>The job ran and failed (an execution error, out of memory, a timeout): simpler or smaller may pass.</summary>
    Failed,

    /// <summary>The provider cannot be used now (unreachable after retries, misconfigured): nothing on it will pass.</summary>
    Unavailable,
}

public sealed record SceneAttemptFailure(SceneRoute Route, SceneFailureKind Kind, string Reason);

/// <summary>The next attempt, or none left; <see cref="Description"/> is the manifest line.</summary>
public sealed record SceneRoutingDecision(SceneRoute? Next, string Description)
{
    public bool IsExhausted => this.Next is null;
}
