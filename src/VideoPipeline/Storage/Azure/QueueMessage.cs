using System.Text;
using System.Text.Json;

namespace VideoPipeline.Storage.Azure;

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

    public T? GetJson<T>(JsonSerializerOptions? options = null) =>
        JsonSerializer.Deserialize<T>(this.Body.Span, options ?? JsonSerializerOptions.Web);
}
