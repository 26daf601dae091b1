namespace VideoPipeline.Providers.AzureOpenAI;

/// <summary>How every Azure OpenAI call is authorized and retried. Bound from the <c>AzureOpenAI</c> section.</summary>
public sealed class AzureOpenAIOptions
{
    public const string Section = "AzureOpenAI";

    /// <summary>The user-assigned managed identity for deployments without an ApiKey; empty for the default credential chain.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Retries of a call that failed transiently (429 on every deployment, 5xx, 408, timeout, network).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's delay; each next one doubles, up to <see cref="MaxRetryDelay"/> (Retry-After wins when sent).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Currency of every configured unit price.</summary>
    public string Currency { get; set; } = "USD";
}
