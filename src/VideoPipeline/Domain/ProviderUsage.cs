namespace VideoPipeline.Domain;

/// <summary>
/// One provider call, as the cost and time ledger records it: who did the work, how much of it
/// (seconds of video, characters, audio seconds, tokens), how long it waited and ran, and what it is
/// estimated to cost from configured unit prices.
/// </summary>
public sealed record ProviderUsage
{
    public required string Provider { get; init; }

    /// <summary>Model or deployment, e.g. "sora-2" or "gpt-4o-mini-tts@eastus".</summary>
    public string? Model { get; init; }

    public required string Operation { get; init; }

    /// <summary>Quantities by unit: "video_seconds", "characters", "audio_seconds", "input_tokens", "output_tokens", "gpu_seconds".</summary>
    public IReadOnlyDictionary<string, double> Units { get; init; } = new Dictionary<string, double>();

    public double QueueWaitSeconds { get; init; }

    public double WallSeconds { get; init; }

    /// <summary>Estimated cost from configured unit prices; 0 where no price is configured (offline providers).</summary>
    public decimal EstimatedCost { get; init; }

    public string Currency { get; init; } = "USD";
}
