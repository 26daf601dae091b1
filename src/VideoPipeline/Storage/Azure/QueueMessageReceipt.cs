namespace VideoPipeline.Storage.Azure;

/// <summary>What the service returns for a put or visibility update: the (new) pop receipt and when the message shows.</summary>
public sealed record QueueMessageReceipt(string MessageId, string PopReceipt, DateTimeOffset TimeNextVisible);
