using System.Text.Json;
using Azure;
using Azure.Storage.Queues;
using VideoPipeline.Storage.Queues;

namespace VideoPipeline.Tests.Storage;

/// <summary>Queues as the app registers them (base64 messages, the Functions convention) and its poison rule.</summary>
[Collection(EmulatorGroup.Name)]
public sealed class QueueClientTests(EmulatorFixture emulators) : IAsyncLifetime
{
    private readonly string name = Names.Unique("q");

    private QueueClient Queue => emulators.Queues.GetQueueClient(this.name);

    public Task InitializeAsync() => this.Queue.CreateIfNotExistsAsync();

    public async Task DisposeAsync()
    {
        await this.Queue.DeleteIfExistsAsync();
        await this.Queue.PoisonQueueOf().DeleteIfExistsAsync();
    }

    [Fact]
    public async Task SendMessage_puts_base64_json_that_receive_decodes()
    {
        await this.Queue.SendMessageAsync(BinaryData.FromObjectAsJson(new Work("t-1", 3), JsonSerializerOptions.Web));

        var onTheWire = (await new QueueClient(emulators.Connection.ConnectionString, this.name).PeekMessageAsync()).Value.Body.ToString();
        var message = (await this.Queue.ReceiveMessageAsync(TimeSpan.FromSeconds(30))).Value;

        Assert.Equal("{\"taskId\":\"t-1\",\"attempt\":3}", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(onTheWire)));
        Assert.Equal(new Work("t-1", 3), message.Body.ToObjectFromJson<Work>(JsonSerializerOptions.Web));
    }

    [Fact]
    public async Task ReceiveMessage_hides_a_taken_message_until_its_visibility_timeout_ends()
    {
        await this.Queue.SendMessageAsync(BinaryData.FromString("{}"));
        await this.Queue.ReceiveMessageAsync(TimeSpan.FromSeconds(1));

        var whileHidden = (await this.Queue.ReceiveMessageAsync(TimeSpan.FromSeconds(1))).Value;
        await Task.Delay(TimeSpan.FromSeconds(2.2));
        var afterwards = (await this.Queue.ReceiveMessageAsync(TimeSpan.FromSeconds(30))).Value;

        Assert.Null(whileHidden);
        Assert.NotNull(afterwards);
        Assert.Equal(2, afterwards.DequeueCount);
    }

    [Fact]
    public async Task ReceiveOrPoison_moves_a_message_dequeued_too_often_to_the_poison_queue()
    {
        await this.Queue.SendMessageAsync(BinaryData.FromObjectAsJson(new Work("t-3", 1), JsonSerializerOptions.Web));
        for (var i = 0; i < 2; i++)
        {
            Assert.Single(await this.Queue.ReceiveOrPoisonAsync(1, TimeSpan.FromSeconds(1), maxDequeueCount: 2));
            await Task.Delay(TimeSpan.FromSeconds(1.2));
        }

        var third = await this.Queue.ReceiveOrPoisonAsync(1, TimeSpan.FromSeconds(1), maxDequeueCount: 2);

        Assert.Empty(third);
        Assert.Empty((await this.Queue.PeekMessagesAsync()).Value);
        var poisoned = Assert.Single((await this.Queue.PoisonQueueOf().PeekMessagesAsync()).Value);
        Assert.Equal(new Work("t-3", 1), poisoned.Body.ToObjectFromJson<Work>(JsonSerializerOptions.Web));
    }

    [Fact]
    public async Task DeleteMessage_with_its_receipt_removes_it()
    {
        await this.Queue.SendMessageAsync(BinaryData.FromString("{}"));
        var message = (await this.Queue.ReceiveMessageAsync(TimeSpan.FromSeconds(30))).Value;

        await this.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);

        Assert.Empty((await this.Queue.PeekMessagesAsync()).Value);
    }

    [Fact]
    public async Task UpdateMessage_to_zero_makes_a_hidden_message_visible_again_with_its_body_intact()
    {
        await this.Queue.SendMessageAsync(BinaryData.FromString("{\"keep\":1}"));
        var message = (await this.Queue.ReceiveMessageAsync(TimeSpan.FromMinutes(5))).Value;

        await this.Queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero);
        var again = (await this.Queue.ReceiveMessageAsync(TimeSpan.FromSeconds(30))).Value;

        Assert.Equal(message.MessageId, again.MessageId);
        Assert.Equal("{\"keep\":1}", again.Body.ToString());
    }

    [Fact]
    public async Task DeleteMessage_with_a_stale_receipt_is_refused()
    {
        await this.Queue.SendMessageAsync(BinaryData.FromString("{}"));
        var message = (await this.Queue.ReceiveMessageAsync(TimeSpan.FromMinutes(5))).Value;
        await this.Queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.FromMinutes(5));

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => this.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt));

        Assert.Equal("PopReceiptMismatch", error.ErrorCode);
    }

    private sealed record Work(string TaskId, int Attempt);
}
