namespace VideoPipeline.Webhooks;

/// <summary>A webhook that must not be trusted: a header missing or malformed, the timestamp out of tolerance, or no signature matching.</summary>
public sealed class WebhookVerificationException(string message) : Exception(message);
