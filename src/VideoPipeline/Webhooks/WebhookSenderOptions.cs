namespace VideoPipeline.Webhooks;

/// <summary>How webhooks are delivered. Bound from the <c>Webhooks</c> section.</summary>
public sealed class WebhookSenderOptions
{
    public const string Section = "Webhooks";

    /// <summary>One attempt, connect included; Standard Webhooks suggests 15–30 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Refuse plain-http endpoints.</summary>
    public bool HttpsOnly { get; set; }

    /// <summary>
    /// Development only: loopback ports (127.0.0.1 and [::1]) webhooks may be sent to, for a receiver on the
    /// developer's machine. The host refuses to start with any listed outside the Development environment.
    /// </summary>
    public List<int> DevelopmentLoopbackPorts { get; set; } = [];
}
