namespace VideoPipeline.Webhooks;

public enum WebhookDeliveryOutcome
{
    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>3xx (redirects are not followed), 4xx, 5xx, a timeout or a network failure: retry on the schedule.</summary>
    Failed,

    /// <summary>410 Gone: the receiver asks us to stop; disable the endpoint, no more retries.</summary>
    Gone,

    /// <summary>The URL is not allowed (scheme, credentials, a non-public address): retrying cannot help.</summary>
    Refused,
}
