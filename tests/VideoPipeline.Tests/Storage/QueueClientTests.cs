using VideoPipeline.Storage.Azure;

namespace VideoPipeline.Tests.Storage;

[Collection(EmulatorGroup.Name)]
public sealed class QueueClientTests(EmulatorFixture emulators) : IAsyncLifetime
{
    private readonly string queue = Names.Unique("q");

    public Task InitializeAsync() => emulators.Queues.CreateQueueAsync(this.queue);

    public async Task DisposeAsync()
    {
        await emulators.Queues.DeleteQueueAsync(this.queue);
        await emulators.Queues.DeleteQueueAsync(this.queue + QueueServiceClient.PoisonSuffix);
    }

    [Fact]
    public async Task SendJsonAsync_puts_base64_json_that_receive_decodes()
    {
        await emulators.Queues.SendJsonAsync(this.queue, new Work("t-1", 3));

        var message = Assert.Single(await emulators.Queues.ReceiveMessagesAsync(this.queue, 1, TimeSpan.FromSeconds(30)));

        Assert.Equal(new Work("t-1", 3), message.GetJson<Work>());
        Assert.Equal("{\"taskId\":\"t-1\",\"attempt\":3}", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(message.MessageText)));
    }

    [Fact]
    public async Task ReceiveMessagesAsync_hides_a_taken_message_until_its_visibility_timeout_ends()
    {
        await emulators.Queues.SendJsonAsync(this.queue, new Work("t-2", 1));
        await emulators.Queues.ReceiveMessagesAsync(this.queue, 1, TimeSpan.FromSeconds(1));

        var whileHidden = await emulators.Queues.ReceiveMessagesAsync(this.queue, 1, TimeSpan.FromSeconds(1));
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var afterwards = await emulators.Queues.ReceiveMessagesAsync(this.queue, 1, TimeSpan.FromSeconds(30));

        Assert.Empty(whileHidden);
        Assert.Equal(2, Assert.Single(afterwards).DequeueCount);
    }

    [Fact]
    public async Task ReceiveMessagesAsync_past_max_dequeue_count_moves_the_message_to_the_poison_queue()
    {
        await emulators.Queues.SendJsonAsync(this.queue, new Work("t-3", 1));
        for (var i = 0; i < 2; i++)
        {
            // Taken and never deleted, as by a consumer that crashes: it shows again after 1 s.
            Assert.Single(await emulators.Queues.ReceiveMessagesAsync(this.queue, 1, TimeSpan.FromSeconds(1), maxDequeueCount: 2));
            await Task.Delay(TimeSpan.FromSeconds(1.1));
        }

        var third = await emulators.Queues.ReceiveMessagesAsync(this.queue, 1, TimeSpan.FromSeconds(1), maxDequeueCount: 2);
        await Task.Delay(TimeSpan.FromSeconds(1.1));

        Assert.Empty(third);
        Assert.Empty(await emulators.Queues.PeekMessagesAsync(this.queue));
        var poisoned = Assert.Single(await emulators.Queues.PeekMessagesAsync(this.queue + QueueServiceClient.PoisonSuffix));
        Assert.Equal(new Work("t-3", 1), poisoned.GetJson<Work>());
    }

    [Fact]
    public async Task DeleteMessageAsync_with_pop_receipt_removes_the_message()
    {
        await emulators.Queues.SendJsonAsync(this.queue, new Work("t-4", 1));
        var message = Assert.Single(await emulators.Queues.ReceiveMessagesAsync(this.queue, 1, TimeSpan.Zero));

        await emulators.Queues.DeleteMessageAsync(this.queue, message.MessageId, message.PopReceipt);
        await Task.Delay(TimeSpan.FromSeconds(1.2));

        Assert.Empty(await emulators.Queues.PeekMessagesAsync(this.queue));
    }

    [Fact]
    public async Task UpdateVisibilityAsync_to_zero_makes_the_message_visible_again()
    {
        await emulators.Queues.SendJsonAsync(this.queue, new Work("t-5", 1));
        var message = Assert.Single(await emulators.Queues.ReceiveMessagesAsync(this.queue, 1, TimeSpan.FromMinutes(5)));

        var receipt = await emulators.Queues.UpdateVisibilityAsync(this.queue, message.MessageId, message.PopReceipt, TimeSpan.Zero);
        var again = await emulators.Queues.ReceiveMessagesAsync(this.queue, 1, TimeSpan.FromSeconds(30));

        Assert.NotEqual(message.PopReceipt, receipt.PopReceipt);
        Assert.Equal(message.MessageId, Assert.Single(again).MessageId);
    }

    [Fact]
    public async Task DeleteMessageAsync_with_stale_pop_receipt_fails_with_typed_error()
    {
        await emulators.Queues.SendJsonAsync(this.queue, new Work("t-6", 1));
        var message = Assert.Single(await emulators.Queues.ReceiveMessagesAsync(this.queue, 1, TimeSpan.FromMinutes(5)));
        await emulators.Queues.UpdateVisibilityAsync(this.queue, message.MessageId, message.PopReceipt, TimeSpan.FromMinutes(5));

        var error = await Assert.ThrowsAsync<StorageRequestException>(() => emulators.Queues.DeleteMessageAsync(this.queue, message.MessageId, message.PopReceipt));

        Assert.Equal(StorageErrorCodes.PopReceiptMismatch, error.ErrorCode);
    }

    private sealed record Work(string TaskId, int Attempt);
}
