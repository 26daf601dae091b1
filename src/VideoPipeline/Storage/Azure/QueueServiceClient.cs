using System.Globalization;
using System.Net;
using System.Security;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace VideoPipeline.Storage.Azure;

/// <summary>
/// The Queue service over REST: create, put (JSON, base64 as Functions queue triggers expect), get with a
/// visibility timeout, delete by pop receipt, update visibility, and the <c>&lt;name&gt;-poison</c> move.
/// </summary>
public sealed partial class QueueServiceClient
{
    public const string PoisonSuffix = "-poison";
    private const int MaxMessageChars = 64 * 1024;

    private readonly StorageHttpPipeline pipeline;

    internal QueueServiceClient(StorageHttpPipeline pipeline) => this.pipeline = pipeline;

    public Uri Endpoint => this.pipeline.Endpoint;

    /// <summary>A cheap authorized request (list one queue) proving the service answers and accepts our credentials.</summary>
    public async Task PingAsync(CancellationToken cancellationToken = default)
    {
        using var response = await this.pipeline.SendAsync(
            () => new HttpRequestMessage(HttpMethod.Get, new Uri(this.Endpoint + "/?comp=list&maxresults=1")),
            cancellationToken,
            maxRetries: 0);
    }

    /// <summary>Creates the queue if it is missing; true when this call created it.</summary>
    public async Task<bool> CreateQueueAsync(string queue, CancellationToken cancellationToken = default)
    {
        using var response = await this.pipeline.SendAsync(() => new HttpRequestMessage(HttpMethod.Put, this.QueueUri(queue)), cancellationToken);
        return response.StatusCode == HttpStatusCode.Created;
    }

    public async Task<bool> DeleteQueueAsync(string queue, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await this.pipeline.SendAsync(() => new HttpRequestMessage(HttpMethod.Delete, this.QueueUri(queue)), cancellationToken);
            return true;
        }
        catch (StorageRequestException e) when (e.IsNotFound)
        {
            return false;
        }
    }

    /// <summary>Puts <paramref name="value"/> as JSON, base64-encoded.</summary>
    public Task<QueueMessageReceipt> SendJsonAsync<T>(
        string queue, T value, JsonSerializerOptions? json = null, TimeSpan? initialDelay = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default) =>
        this.SendMessageAsync(queue, JsonSerializer.SerializeToUtf8Bytes(value, json ?? JsonSerializerOptions.Web), initialDelay, timeToLive, cancellationToken);

    /// <summary>Puts <paramref name="body"/>, base64-encoded; it shows after <paramref name="initialDelay"/>.</summary>
    public Task<QueueMessageReceipt> SendMessageAsync(
        string queue, ReadOnlyMemory<byte> body, TimeSpan? initialDelay = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default) =>
        this.PutTextAsync(queue, Convert.ToBase64String(body.Span), initialDelay, timeToLive, cancellationToken);

    /// <summary>Takes up to <paramref name="maxMessages"/> (1-32), hidden from others for <paramref name="visibilityTimeout"/>.</summary>
    public async Task<IReadOnlyList<QueueMessage>> ReceiveMessagesAsync(
        string queue, int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, 32);
        var query = $"numofmessages={maxMessages}&visibilitytimeout={Seconds(visibilityTimeout, minimum: 1)}";
        using var response = await this.pipeline.SendAsync(
            () => new HttpRequestMessage(HttpMethod.Get, this.MessagesUri(queue, query: query)), cancellationToken);
        return await ParseMessagesAsync(response, cancellationToken);
    }

    /// <summary>
    /// Like <see cref="ReceiveMessagesAsync(string,int,TimeSpan,CancellationToken)"/>, but a message already dequeued
    /// more than <paramref name="maxDequeueCount"/> times moves to <c>&lt;queue&gt;-poison</c> instead of being returned.
    /// </summary>
    public async Task<IReadOnlyList<QueueMessage>> ReceiveMessagesAsync(
        string queue, int maxMessages, TimeSpan visibilityTimeout, int maxDequeueCount, CancellationToken cancellationToken = default)
    {
        var taken = await this.ReceiveMessagesAsync(queue, maxMessages, visibilityTimeout, cancellationToken);
        var healthy = new List<QueueMessage>(taken.Count);
        foreach (var message in taken)
        {
            if (message.DequeueCount > maxDequeueCount)
            {
                await this.MoveToPoisonAsync(queue, message, cancellationToken);
            }
            else
            {
                healthy.Add(message);
            }
        }

        return healthy;
    }

    /// <summary>Copies the message to <c>&lt;queue&gt;-poison</c> (created if missing), then deletes the original.</summary>
    public async Task MoveToPoisonAsync(string queue, QueueMessage message, CancellationToken cancellationToken = default)
    {
        var poison = queue + PoisonSuffix;
        await this.CreateQueueAsync(poison, cancellationToken);
        await this.PutTextAsync(poison, message.MessageText, null, null, cancellationToken);
        await this.DeleteMessageAsync(queue, message.MessageId, message.PopReceipt, cancellationToken);
    }

    /// <summary>The service's approximate count of messages in the queue (visible or not).</summary>
    public async Task<long> GetApproximateMessageCountAsync(string queue, CancellationToken cancellationToken = default)
    {
        using var response = await this.pipeline.SendAsync(
            () => new HttpRequestMessage(HttpMethod.Get, new Uri(this.QueueUri(queue) + "?comp=metadata")), cancellationToken);
        return response.Headers.TryGetValues("x-ms-approximate-messages-count", out var values)
            && long.TryParse(values.First(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count)
                ? count
                : 0;
    }

    /// <summary>Looks at up to <paramref name="maxMessages"/> visible messages without taking them.</summary>
    public async Task<IReadOnlyList<QueueMessage>> PeekMessagesAsync(string queue, int maxMessages = 32, CancellationToken cancellationToken = default)
    {
        using var response = await this.pipeline.SendAsync(
            () => new HttpRequestMessage(HttpMethod.Get, this.MessagesUri(queue, query: $"peekonly=true&numofmessages={maxMessages}")), cancellationToken);
        return await ParseMessagesAsync(response, cancellationToken);
    }

    public async Task DeleteMessageAsync(string queue, string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        using var response = await this.pipeline.SendAsync(
            () => new HttpRequestMessage(HttpMethod.Delete, this.MessagesUri(queue, messageId, "popreceipt=" + Uri.EscapeDataString(popReceipt))),
            cancellationToken);
    }

    /// <summary>Hides the message for <paramref name="visibilityTimeout"/> more (zero: visible now); use the returned receipt next.</summary>
    public async Task<QueueMessageReceipt> UpdateVisibilityAsync(
        string queue, string messageId, string popReceipt, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        var query = $"popreceipt={Uri.EscapeDataString(popReceipt)}&visibilitytimeout={Seconds(visibilityTimeout, minimum: 0)}";
        using var response = await this.pipeline.SendAsync(
            () => new HttpRequestMessage(HttpMethod.Put, this.MessagesUri(queue, messageId, query)), cancellationToken);
        var next = response.Headers.TryGetValues("x-ms-time-next-visible", out var visible)
            ? DateTimeOffset.Parse(visible.First(), CultureInfo.InvariantCulture)
            : DateTimeOffset.UtcNow + visibilityTimeout;
        return new QueueMessageReceipt(messageId, response.Headers.GetValues("x-ms-popreceipt").First(), next);
    }

    private async Task<QueueMessageReceipt> PutTextAsync(
        string queue, string text, TimeSpan? initialDelay, TimeSpan? timeToLive, CancellationToken cancellationToken)
    {
        if (text.Length > MaxMessageChars)
        {
            throw new ArgumentException($"A queue message holds at most 64 KiB once base64-encoded; this one is {text.Length} characters. Pass a blob reference instead.");
        }

        var query = string.Join('&', new[]
        {
            initialDelay is { } delay ? $"visibilitytimeout={Seconds(delay, minimum: 0)}" : null,
            timeToLive is { } ttl ? $"messagettl={Seconds(ttl, minimum: -1)}" : null,
        }.Where(p => p is not null));
        var body = Encoding.UTF8.GetBytes($"<QueueMessage><MessageText>{SecurityElement.Escape(text)}</MessageText></QueueMessage>");
        using var response = await this.pipeline.SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, this.MessagesUri(queue, query: query.Length == 0 ? null : query))
            {
                Content = new ByteArrayContent(body),
            },
            cancellationToken);
        var message = (await ParseMessagesAsync(response, cancellationToken)).Single();
        return new QueueMessageReceipt(message.MessageId, message.PopReceipt, message.TimeNextVisible);
    }

    private static async Task<IReadOnlyList<QueueMessage>> ParseMessagesAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var root = (await XDocument.LoadAsync(body, LoadOptions.None, cancellationToken)).Root!;
        return root.Elements("QueueMessage").Select(m => new QueueMessage(
            m.Element("MessageId")!.Value,
            m.Element("PopReceipt")?.Value ?? string.Empty,
            long.Parse(m.Element("DequeueCount")?.Value ?? "0", CultureInfo.InvariantCulture),
            Time(m, "InsertionTime"),
            Time(m, "ExpirationTime"),
            Time(m, "TimeNextVisible"),
            m.Element("MessageText")?.Value ?? string.Empty)).ToList();
    }

    private static DateTimeOffset Time(XElement message, string name) =>
        DateTimeOffset.TryParse(message.Element(name)?.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : DateTimeOffset.MinValue;

    private static string Seconds(TimeSpan value, int minimum) =>
        Math.Max(minimum, (int)Math.Ceiling(value.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private Uri QueueUri(string queue)
    {
        ValidateQueue(queue);
        return new Uri($"{this.Endpoint}/{queue}");
    }

    private Uri MessagesUri(string queue, string? messageId = null, string? query = null)
    {
        ValidateQueue(queue);
        var path = messageId is null ? string.Empty : "/" + Uri.EscapeDataString(messageId);
        return new Uri($"{this.Endpoint}/{queue}/messages{path}{(query is null ? string.Empty : "?" + query)}");
    }

    private static void ValidateQueue(string queue)
    {
        if (!QueueName().IsMatch(queue) || queue.Contains("--", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"'{queue}' is not a valid queue name: 3-63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit",
                nameof(queue));
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex QueueName();
}
