namespace VideoPipeline.Webhooks;

/// <summary>How webhooks are delivered. Bound from the <c>Webhooks</c> section.</summary>
public sealed class WebhookSenderOptions
{
    public const string Section = "Webhooks";

    /// <summary>One attempt, connect included; Standard Webhooks suggests 15–30 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Refuse plain-http endpoints.</summary>
    public bool HttpsOnly { get; set; }
}
