namespace VideoPipeline.Webhooks;

public enum WebhookDeliveryOutcome
{
    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>3xx (redirects are not followed), 408/409/425/429, 5xx, a timeout or a network failure: retry on the schedule.</summary>
    Failed,

    /// <summary>Any other 4xx: the receiver refuses this message (bad signature, unknown route); resending the same bytes cannot help.</summary>
    Rejected,

    /// <summary>410 Gone: the receiver asks us to stop; disable the endpoint, no more retries.</summary>
    Gone,

    /// <summary>The URL is not allowed (scheme, credentials, a non-public address): retrying cannot help.</summary>
    Refused,
}
