using System.Text;
using Azure;
using Azure.Storage.Queues.Models;
using VideoPipeline.Storage.Queues;
using SdkQueues = Azure.Storage.Queues;

// The home-made durable engine's view of Queue storage, kept under its old name and namespace so AzureWorkQueues
// compiles unchanged; it now runs on the official SDK. This folder goes away with the engine.
namespace VideoPipeline.Storage.Azure;

/// <summary>
/// Queue operations as the durable engine calls them, on the SDK's queue client. Bodies travel base64-encoded (the
/// Functions convention); a body that is not base64 is read as text.
/// </summary>
public sealed class QueueServiceClient(SdkQueues.QueueServiceClient service)
{
    public const string PoisonSuffix = PoisonQueueExtensions.Suffix;

    public Uri Endpoint => service.Uri;

    public async Task<bool> CreateQueueAsync(string queue, CancellationToken cancellationToken = default) =>
        await service.GetQueueClient(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken) is not null;

    public async Task<bool> DeleteQueueAsync(string queue, CancellationToken cancellationToken = default) =>
        (await service.GetQueueClient(queue).DeleteIfExistsAsync(cancellationToken)).Value;

    public async Task<QueueMessageReceipt> SendMessageAsync(
        string queue, ReadOnlyMemory<byte> body, TimeSpan? initialDelay = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        var receipt = (await service.GetQueueClient(queue).SendMessageAsync(
            Convert.ToBase64String(body.Span), initialDelay is { } d ? Seconds(d, 0) : null, timeToLive is { } t ? Seconds(t, -1) : null, cancellationToken)).Value;
        return new QueueMessageReceipt(receipt.MessageId, receipt.PopReceipt, receipt.TimeNextVisible);
    }

    public async Task<IReadOnlyList<QueueMessage>> ReceiveMessagesAsync(
        string queue, int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        var taken = (await service.GetQueueClient(queue).ReceiveMessagesAsync(maxMessages, Seconds(visibilityTimeout, 1), cancellationToken)).Value;
        return [.. taken.Select(m => new QueueMessage(m.MessageId, m.PopReceipt, m.DequeueCount, m.InsertedOn ?? default, m.ExpiresOn ?? default, m.NextVisibleOn ?? default, m.Body.ToString()))];
    }

    public async Task<IReadOnlyList<QueueMessage>> PeekMessagesAsync(string queue, int maxMessages = 32, CancellationToken cancellationToken = default)
    {
        var peeked = (await service.GetQueueClient(queue).PeekMessagesAsync(maxMessages, cancellationToken)).Value;
        return [.. peeked.Select(m => new QueueMessage(m.MessageId, string.Empty, m.DequeueCount, m.InsertedOn ?? default, m.ExpiresOn ?? default, default, m.Body.ToString()))];
    }

    public async Task MoveToPoisonAsync(string queue, QueueMessage message, CancellationToken cancellationToken = default)
    {
        var poison = service.GetQueueClient(queue + PoisonSuffix);
        await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await poison.SendMessageAsync(message.MessageText, cancellationToken);
        await this.DeleteMessageAsync(queue, message.MessageId, message.PopReceipt, cancellationToken);
    }

    public async Task<long> GetApproximateMessageCountAsync(string queue, CancellationToken cancellationToken = default) =>
        (await service.GetQueueClient(queue).GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;

    public Task<Response> DeleteMessageAsync(string queue, string messageId, string popReceipt, CancellationToken cancellationToken = default) =>
        service.GetQueueClient(queue).DeleteMessageAsync(messageId, popReceipt, cancellationToken);

    public async Task<QueueMessageReceipt> UpdateVisibilityAsync(
        string queue, string messageId, string popReceipt, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        UpdateReceipt receipt = await service.GetQueueClient(queue).UpdateMessageAsync(messageId, popReceipt, visibilityTimeout: Seconds(visibilityTimeout, 0), cancellationToken: cancellationToken);
        return new QueueMessageReceipt(messageId, receipt.PopReceipt, receipt.NextVisibleOn);
    }

    private static TimeSpan Seconds(TimeSpan value, int minimum) => TimeSpan.FromSeconds(Math.Max(minimum, (int)Math.Ceiling(value.TotalSeconds)));
}

/// <summary>A message taken from a queue; <see cref="PopReceipt"/> deletes it or changes its visibility.</summary>
public sealed record QueueMessage(
    string MessageId,
    string PopReceipt,
    long DequeueCount,
    DateTimeOffset InsertionTime,
    DateTimeOffset ExpirationTime,
    DateTimeOffset TimeNextVisible,
    string MessageText)
{
    /// <summary>The body: base64-decoded (the Functions convention), or the raw text when it is not base64.</summary>
    public ReadOnlyMemory<byte> Body
    {
        get
        {
            var bytes = new byte[this.MessageText.Length];
            return Convert.TryFromBase64String(this.MessageText, bytes, out var written)
                ? bytes.AsMemory(0, written)
                : Encoding.UTF8.GetBytes(this.MessageText);
        }
    }
}

/// <summary>What the service returns for a put or visibility update: the (new) pop receipt and when the message shows.</summary>
public sealed record QueueMessageReceipt(string MessageId, string PopReceipt, DateTimeOffset TimeNextVisible);
