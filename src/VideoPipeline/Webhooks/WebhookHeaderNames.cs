namespace VideoPipeline.Webhooks;

/// <summary>The Standard Webhooks headers (api-contracts §6).</summary>
public static class WebhookHeaderNames
{
    /// <summary>Stable across retries of one message: receivers dedupe on it.</summary>
    public const string Id = "webhook-id";

    /// <summary>Integer Unix seconds of this attempt.</summary>
    public const string Timestamp = "webhook-timestamp";

    /// <summary>Space-separated <c>v1,&lt;base64&gt;</c> entries, one per active secret.</summary>
    public const string Signature = "webhook-signature";
}
