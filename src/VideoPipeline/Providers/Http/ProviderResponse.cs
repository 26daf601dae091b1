using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using VideoPipeline.Domain;

namespace VideoPipeline.Providers.Http;

/// <summary>A provider's answer that is not worth retrying (a success or a refusal), with the server that gave it.</summary>
internal sealed class ProviderResponse(string service, string operation, Uri server, HttpResponseMessage message) : IDisposable
{
    public Uri Server => server;

    public HttpResponseMessage Message => message;

    public bool IsSuccess => message.IsSuccessStatusCode;

    public int Status => (int)message.StatusCode;

    public void Dispose() => message.Dispose();

    /// <summary>The body as JSON; anything else is a <see cref="ProviderErrorCodes.BadResponse"/> naming the operation.</summary>
    public async Task<JsonNode> ReadJsonAsync(CancellationToken cancellationToken)
    {
        var body = await message.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            return JsonNode.Parse(body) ?? throw this.BadResponse("it answered JSON null");
        }
        catch (JsonException e)
        {
            throw this.BadResponse($"the body is not valid JSON ({e.Message}): {Snippet(body)}");
        }
    }

    /// <summary>A refusal (4xx) as a permanent failure carrying the server's own message when it sent one.</summary>
    public async Task<PermanentPipelineException> RefusalAsync(CancellationToken cancellationToken)
    {
        var body = await message.Content.ReadAsStringAsync(cancellationToken);
        return new PermanentPipelineException(
            ProviderErrorCodes.Refused,
            $"{service} {operation} was refused with {this.Status} {message.ReasonPhrase}: {ErrorText(body)}");
    }

    public async Task EnsureSuccessAsync(CancellationToken cancellationToken)
    {
        if (!this.IsSuccess)
        {
            throw await this.RefusalAsync(cancellationToken);
        }
    }

    public PermanentPipelineException BadResponse(string detail) =>
        new(ProviderErrorCodes.BadResponse, $"{service} {operation} answered outside its contract: {detail}");

    /// <summary>The error text of the usual shapes: OpenAI <c>{"error":{"message"}}</c>, whisper.cpp <c>{"error":"…"}</c>, FastAPI <c>{"detail":…}</c>.</summary>
    internal static string ErrorText(string body)
    {
        try
        {
            var json = JsonNode.Parse(body);
            var text = json?["error"] is JsonObject error ? error["message"] : json?["error"] ?? json?["detail"];
            if (text is not null)
            {
                return text is JsonValue value && value.TryGetValue(out string? s) ? s : text.ToJsonString();
            }
        }
        catch (JsonException)
        {
            // Not JSON: the body itself is the best message there is.
        }
        catch (InvalidOperationException)
        {
            // A JSON array or scalar at the top: same.
        }

        return Snippet(body);
    }

    internal static string Snippet(string text)
    {
        var flat = text.ReplaceLineEndings(" ").Trim();
        return flat.Length == 0 ? "(empty body)" : flat.Length <= 200 ? flat : string.Create(CultureInfo.InvariantCulture, $"{flat[..200]}… ({flat.Length} chars)");
    }
}
