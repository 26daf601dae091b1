using System.Text.Json;
using Microsoft.Extensions.Options;
using VideoPipeline.Durable.Engine;
using VideoPipeline.Storage.Azure;

namespace VideoPipeline.Storage.Durable;

/// <summary>
/// The engine's work queues on Azure Storage queues (Azurite locally): <c>{hub}-control</c> for
/// orchestration messages and <c>{hub}-activities-high|normal|low</c> by job priority. Delayed messages
/// are durable timers; messages never expire.
/// </summary>
public sealed class AzureWorkQueues(QueueServiceClient queues, IOptions<DurableEngineOptions> options) : IWorkQueues
{
    // Azure allows at most 7 days of initial invisibility; longer timers hop (the dispatcher resends them).
    private static readonly TimeSpan MaxDelay = TimeSpan.FromDays(6);
    private static readonly TimeSpan NeverExpire = TimeSpan.FromSeconds(-1);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly string hub = options.Value.TaskHub.ToLowerInvariant();
    private Task? created;

    private string Control => $"{this.hub}-control";

    private IEnumerable<string> ActivityQueues => [this.Band(1), this.Band(0), this.Band(-1)];

    public async Task SendAsync(WorkMessage message, TimeSpan delay, CancellationToken cancellationToken)
    {
        await this.EnsureCreatedAsync(cancellationToken);
        var queue = message.IsActivity ? this.Band(message.Priority) : this.Control;
        await queues.SendMessageAsync(
            queue, JsonSerializer.SerializeToUtf8Bytes(message, Json), delay > MaxDelay ? MaxDelay : delay, NeverExpire, cancellationToken);
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

            foreach (var message in await queues.ReceiveMessagesAsync(name, maxMessages - received.Count, visibility, cancellationToken))
            {
                if (Parse(message) is { } work)
                {
                    received.Add(new ReceivedWork(work, name, message.MessageId, message.PopReceipt, message.DequeueCount));
                }
                else
                {
                    // Not ours or corrupt: kept aside for inspection instead of failing every poll.
                    await queues.MoveToPoisonAsync(name, message, cancellationToken);
                }
            }
        }

        return received;
    }

    public Task CompleteAsync(ReceivedWork work, CancellationToken cancellationToken) =>
        queues.DeleteMessageAsync(work.Queue, work.MessageId, work.PopReceipt, cancellationToken);

    public async Task<ReceivedWork> ExtendAsync(ReceivedWork work, TimeSpan visibility, CancellationToken cancellationToken)
    {
        var receipt = await queues.UpdateVisibilityAsync(work.Queue, work.MessageId, work.PopReceipt, visibility, cancellationToken);
        return work with { PopReceipt = receipt.PopReceipt };
    }

    public Task ReleaseAsync(ReceivedWork work, TimeSpan delay, CancellationToken cancellationToken) =>
        queues.UpdateVisibilityAsync(work.Queue, work.MessageId, work.PopReceipt, delay, cancellationToken);

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

    private string Band(int priority) => $"{this.hub}-activities-{(priority > 0 ? "high" : priority < 0 ? "low" : "normal")}";

    private static WorkMessage? Parse(QueueMessage message)
    {
        try
        {
            return message.GetJson<WorkMessage>(Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        var creation = this.created;
        if (creation is null || creation.IsFaulted || creation.IsCanceled)
        {
            creation = this.created = Task.WhenAll(this.ActivityQueues.Prepend(this.Control).Select(q => queues.CreateQueueAsync(q, CancellationToken.None)));
        }

        return creation.WaitAsync(cancellationToken);
    }
}
