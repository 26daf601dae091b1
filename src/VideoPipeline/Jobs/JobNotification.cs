using System.Text.Json;

namespace VideoPipeline.Jobs;

/// <summary>Where a job reports its events, and what the caller asked to have echoed back.</summary>
/// <param name="WebhookUrl">Receives every event, signed (Standard Webhooks); null for none.</param>
/// <param name="Metadata">The caller's own JSON, returned unchanged with the job and each event.</param>
public sealed record JobNotification(Uri? WebhookUrl = null, JsonElement? Metadata = null);
