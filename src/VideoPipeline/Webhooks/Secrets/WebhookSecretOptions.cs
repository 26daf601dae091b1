namespace VideoPipeline.Webhooks.Secrets;

/// <summary>Owners' webhook signing secrets. Bound from the <c>Webhooks:Secrets</c> section.</summary>
public sealed class WebhookSecretOptions
{
    public const string Section = "Webhooks:Secrets";

    /// <summary>Cosmos DB container (in the task store's database), partition key <c>/ownerId</c>.</summary>
    public string Container { get; set; } = "webhook-secrets";

    /// <summary>How long a rotated-out secret keeps signing too, so receivers can switch without dropping messages.</summary>
    public TimeSpan RotationGracePeriod { get; set; } = TimeSpan.FromHours(24);
}
