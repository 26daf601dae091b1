using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Options;
using VideoPipeline.Durable.Engine;
using VideoPipeline.Storage.Azure;

namespace VideoPipeline.Storage.Durable;

/// <summary>
/// The engine's work queues on Azure Storage queues (Azurite locally): <c>{hub}-control</c> for
/// orchestration messages and <c>{hub}-activities-high|normal|low</c> by job priority. Delayed messages
/// are durable timers; messages never expire.
/// <para>
/// Work travels in envelopes: one queue message carries every work message sent together (a fan-out's
/// activity requests, a burst of results), so a thousand activities cost tens of queue operations, not
/// thousands. Each part is handed out as its own <see cref="ReceivedWork"/>; the queue message is deleted
/// once every part is complete. A receiver with room for fewer parts than an envelope holds sends the
/// rest back as a new envelope, so one worker never hoards work others could run.
/// </para>
/// </summary>
public sealed class AzureWorkQueues(QueueServiceClient queues, IOptions<DurableEngineOptions> options) : IWorkQueues
{
    /// <summary>Azure's limit is 64 KiB of base64 text; 46 KiB of JSON stays under it.</summary>
    public const int MaxEnvelopeBytes = 46 * 1024;

    private const int MaxParts = 256;

    // Azure allows at most 7 days of initial invisibility; longer timers hop (the dispatcher resends them).
    private static readonly TimeSpan MaxDelay = TimeSpan.FromDays(6);
    private static readonly TimeSpan NeverExpire = TimeSpan.FromSeconds(-1);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly string hub = options.Value.TaskHub.ToLowerInvariant();
    private readonly ConcurrentDictionary<string, Envelope> parts = new(StringComparer.Ordinal);
    private Task? created;

    private string Control => $"{this.hub}-control";

    private IEnumerable<string> ActivityQueues => [this.Band(1), this.Band(0), this.Band(-1)];

    public async Task SendAsync(IReadOnlyList<WorkMessage> messages, TimeSpan delay, CancellationToken cancellationToken)
    {
        await this.EnsureCreatedAsync(cancellationToken);
        var sends = new List<Task>();
        foreach (var group in messages.GroupBy(m => m.IsActivity ? this.Band(m.Priority) : this.Control, StringComparer.Ordinal))
        {
            foreach (var body in Pack(group))
            {
                sends.Add(queues.SendMessageAsync(group.Key, body, delay > MaxDelay ? MaxDelay : delay, NeverExpire, cancellationToken));
            }
        }

        await Task.WhenAll(sends);
    }

    public async Task<IReadOnlyList<ReceivedWork>> ReceiveAsync(WorkQueueKind queue, int maxMessages, TimeSpan visibility, CancellationToken cancellationToken)
    {
        await this.EnsureCreatedAsync(cancellationToken);
        var received = new List<ReceivedWork>();
        foreach (var name in queue == WorkQueueKind.Control ? [this.Control] : this.ActivityQueues)
        {
            if (received.Count >= maxMessages)
            {
                break;
            }

            foreach (var message in await queues.ReceiveMessagesAsync(name, Math.Min(32, maxMessages - received.Count), visibility, cancellationToken))
            {
                if (Unpack(message) is not { } batch)
                {
                    // Not ours or corrupt: kept aside for inspection instead of failing every poll.
                    await queues.MoveToPoisonAsync(name, message, cancellationToken);
                    continue;
                }

                var room = Math.Max(1, maxMessages - received.Count);
                if (batch.Count > room)
                {
                    // More than this worker can start soon: the rest goes back for whoever has room.
                    await this.SendAsync(batch.Skip(room).ToList(), TimeSpan.Zero, cancellationToken);
                    batch = batch.Take(room).ToList();
                }

                var envelope = new Envelope(name, message.MessageId, message.PopReceipt, batch.Count);
                for (var i = 0; i < batch.Count; i++)
                {
                    var part = new ReceivedWork(batch[i], name, $"{message.MessageId}/{i}", message.PopReceipt, message.DequeueCount);
                    this.parts[part.MessageId] = envelope;
                    received.Add(part);
                }
            }
        }

        return received;
    }

    public async Task CompleteAsync(ReceivedWork work, CancellationToken cancellationToken)
    {
        if (!this.parts.TryRemove(work.MessageId, out var envelope))
        {
            return;
        }

        await envelope.Gate.WaitAsync(CancellationToken.None);
        try
        {
            if (--envelope.Open == 0)
            {
                await queues.DeleteMessageAsync(envelope.Queue, envelope.MessageId, envelope.PopReceipt, cancellationToken);
            }
        }
        finally
        {
            envelope.Gate.Release();
        }
    }

    public async Task<ReceivedWork> ExtendAsync(ReceivedWork work, TimeSpan visibility, CancellationToken cancellationToken)
    {
        if (!this.parts.TryGetValue(work.MessageId, out var envelope))
        {
            return work;
        }

        await envelope.Gate.WaitAsync(cancellationToken);
        try
        {
            // One extension serves every part of the envelope; completing and extending never race on the receipt.
            if (envelope.Open > 0 && DateTime.UtcNow - envelope.ExtendedAt > visibility / 3)
            {
                var receipt = await queues.UpdateVisibilityAsync(envelope.Queue, envelope.MessageId, envelope.PopReceipt, visibility, cancellationToken);
                envelope.PopReceipt = receipt.PopReceipt;
                envelope.ExtendedAt = DateTime.UtcNow;
            }

            return work with { PopReceipt = envelope.PopReceipt };
        }
        finally
        {
            envelope.Gate.Release();
        }
    }

    public async Task ReleaseAsync(ReceivedWork work, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (!this.parts.TryRemove(work.MessageId, out var envelope))
        {
            return;
        }

        await envelope.Gate.WaitAsync(CancellationToken.None);
        try
        {
            if (envelope.Parts == 1)
            {
                // The message itself comes back, its dequeue count intact (poison detection).
                await queues.UpdateVisibilityAsync(envelope.Queue, envelope.MessageId, envelope.PopReceipt, delay, cancellationToken);
                envelope.Open = 0;
                return;
            }

            await this.SendAsync([work.Message], delay, cancellationToken);
            if (--envelope.Open == 0)
            {
                await queues.DeleteMessageAsync(envelope.Queue, envelope.MessageId, envelope.PopReceipt, cancellationToken);
            }
        }
        finally
        {
            envelope.Gate.Release();
        }
    }

    public async Task DeleteAllAsync(CancellationToken cancellationToken)
    {
        foreach (var name in this.ActivityQueues.Prepend(this.Control))
        {
            await queues.DeleteQueueAsync(name, cancellationToken);
            await queues.DeleteQueueAsync(name + QueueServiceClient.PoisonSuffix, cancellationToken);
        }

        this.created = null;
    }

    public async Task<IReadOnlyDictionary<string, long>> GetDepthAsync(CancellationToken cancellationToken)
    {
        await this.EnsureCreatedAsync(cancellationToken);
        var depth = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var name in this.ActivityQueues.Prepend(this.Control))
        {
            depth[name] = await queues.GetApproximateMessageCountAsync(name, cancellationToken);
        }

        return depth;
    }

    /// <summary>Envelopes of whole messages, each under <see cref="MaxEnvelopeBytes"/>.</summary>
    internal static IEnumerable<byte[]> Pack(IEnumerable<WorkMessage> messages)
    {
        var current = new List<byte[]>();
        var size = 0;
        foreach (var message in messages)
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(message, Json);
            if (json.Length + 16 > MaxEnvelopeBytes)
            {
                throw new InvalidOperationException(
                    $"Work message {message.Kind} '{message.Name}' for {message.InstanceId} is {json.Length / 1024} KiB; "
                    + $"payloads must stay under {MaxEnvelopeBytes / 1024} KiB (pass blob references, not content)");
            }

            if (current.Count > 0 && (size + json.Length + 1 > MaxEnvelopeBytes || current.Count == MaxParts))
            {
                yield return Envelope.Write(current);
                current = [];
                size = 0;
            }

            current.Add(json);
            size += json.Length + 1;
        }

        if (current.Count > 0)
        {
            yield return Envelope.Write(current);
        }
    }

    internal static List<WorkMessage>? Unpack(QueueMessage message)
    {
        try
        {
            using var document = JsonDocument.Parse(message.Body);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("batch", out var batch))
            {
                var list = batch.Deserialize<List<WorkMessage>>(Json);
                return list is { Count: > 0 } && list.All(Valid) ? list : null;
            }

            // A single message, as an earlier version sent them.
            var single = document.RootElement.Deserialize<WorkMessage>(Json);
            return single is not null && Valid(single) ? [single] : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool Valid(WorkMessage message) => !string.IsNullOrEmpty(message.Id) && !string.IsNullOrEmpty(message.InstanceId);

    private string Band(int priority) => $"{this.hub}-activities-{(priority > 0 ? "high" : priority < 0 ? "low" : "normal")}";

    private Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        var creation = this.created;
        if (creation is null || creation.IsFaulted || creation.IsCanceled)
        {
            creation = this.created = Task.WhenAll(this.ActivityQueues.Prepend(this.Control).Select(q => queues.CreateQueueAsync(q, CancellationToken.None)));
        }

        return creation.WaitAsync(cancellationToken);
    }

    /// <summary>One received queue message and how many of its parts are still open.</summary>
    private sealed class Envelope(string queue, string messageId, string popReceipt, int parts)
    {
        public string Queue => queue;

        public string MessageId => messageId;

        public int Parts { get; } = parts;

        public string PopReceipt { get; set; } = popReceipt;

        public int Open { get; set; } = parts;

        public DateTime ExtendedAt { get; set; } = DateTime.UtcNow;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public static byte[] Write(List<byte[]> jsons)
        {
            using var buffer = new MemoryStream();
            buffer.Write("{\"batch\":["u8);
            for (var i = 0; i < jsons.Count; i++)
            {
                if (i > 0)
                {
                    buffer.WriteByte((byte)',');
                }

                buffer.Write(jsons[i]);
            }

            buffer.Write("]}"u8);
            return buffer.ToArray();
        }
    }
}
