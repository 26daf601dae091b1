using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Azure.Storage.Queues.Specialized;

namespace VideoPipeline.Storage.Queues;

/// <summary>
/// The Functions queue convention on the SDK's <see cref="QueueClient"/>: a message dequeued too often moves to
/// <c>&lt;queue&gt;-poison</c> instead of being handed out again.
/// </summary>
public static class PoisonQueueExtensions
{
    public const string Suffix = "-poison";

    /// <summary>The queue's poison queue (same account, same options).</summary>
    public static QueueClient PoisonQueueOf(this QueueClient queue) => queue.GetParentQueueServiceClient().GetQueueClient(queue.Name + Suffix);

    /// <summary>
    /// Takes up to <paramref name="maxMessages"/> (1-32), hidden from others for <paramref name="visibilityTimeout"/>;
    /// a message already dequeued more than <paramref name="maxDequeueCount"/> times moves to the poison queue instead.
    /// </summary>
    public static async Task<IReadOnlyList<QueueMessage>> ReceiveOrPoisonAsync(
        this QueueClient queue, int maxMessages, TimeSpan visibilityTimeout, int maxDequeueCount, CancellationToken cancellationToken = default)
    {
        var taken = (await queue.ReceiveMessagesAsync(maxMessages, visibilityTimeout, cancellationToken)).Value;
        var healthy = new List<QueueMessage>(taken.Length);
        foreach (var message in taken)
        {
            if (message.DequeueCount > maxDequeueCount)
            {
                await queue.MoveToPoisonAsync(message, cancellationToken);
            }
            else
            {
                healthy.Add(message);
            }
        }

        return healthy;
    }

    /// <summary>Copies the message to the poison queue (created if missing), then deletes the original.</summary>
    public static async Task MoveToPoisonAsync(this QueueClient queue, QueueMessage message, CancellationToken cancellationToken = default)
    {
        var poison = queue.PoisonQueueOf();
        await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await poison.SendMessageAsync(message.Body, cancellationToken: cancellationToken);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
    }
}
