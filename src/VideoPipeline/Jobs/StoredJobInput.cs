using System.Text.Json;
using VideoPipeline.Domain;
using VideoPipeline.Storage;

namespace VideoPipeline.Jobs;

/// <summary>What a job's task record keeps as its input: the request and how to notify about it.</summary>
public sealed record StoredJobInput(VideoRequest Request, Uri? WebhookUrl, JsonElement? Metadata, AssetRef? Music, AssetRef? ScriptAudio);
