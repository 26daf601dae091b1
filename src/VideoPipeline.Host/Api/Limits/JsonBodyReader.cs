using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace VideoPipeline.Host.Api.Limits;

/// <summary>
/// Reads a JSON request body with the API's rules: JSON only (415), bounded size (413, by Content-Length
/// and again while reading, since chunked bodies declare none), unknown fields refused (a typo such as
/// "duraton_seconds" is an error, not a silent default), and every parse failure a 400 problem naming
/// the field it happened at, never a 500.
/// </summary>
public sealed partial class JsonBodyReader(IOptions<JsonOptions> json)
{
    private readonly JsonSerializerOptions options = new(json.Value.SerializerOptions) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    public async Task<JsonBody<T>> ReadAsync<T>(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentType is { } contentType && !IsJson(contentType))
        {
            return new(null, ApiProblems.UnsupportedMediaType($"Send the body as application/json (got {contentType})."));
        }

        if (request.ContentLength > maxBytes)
        {
            return new(null, TooLarge(maxBytes));
        }

        var body = await ReadBoundedAsync(request.Body, maxBytes, cancellationToken);
        if (body is null)
        {
            return new(null, TooLarge(maxBytes));
        }

        if (body.Length == 0)
        {
            return new(null, ApiProblems.Validation("body", "a JSON object is required"));
        }

        try
        {
            return JsonSerializer.Deserialize<T>(body, this.options) is { } value
                ? new(value, null)
                : new(null, ApiProblems.Validation("body", "a JSON object is required (got null)"));
        }
        catch (JsonException e)
        {
            var (field, message) = this.Describe<T>(e);
            return new(null, ApiProblems.Validation(field, message));
        }
    }

    private (string Field, string Message) Describe<T>(JsonException e)
    {
        // Bad syntax carries the reader's own exception; a value of the wrong type does not.
        if (e.InnerException is JsonException)
        {
            var where = e.LineNumber is { } line && e.BytePositionInLine is { } column ? $" (line {line + 1}, position {column + 1})" : "";
            return ("body", $"body is not valid JSON: {FirstSentence(e.Message)}{where}");
        }

        var path = JsonFieldPath.Field(e.Path);
        if (UnmappedMember().IsMatch(e.Message))
        {
            return (path, $"{path} is not a known field");
        }

        return (path, $"{path} must be {JsonFieldPath.Expected(typeof(T), e.Path, this.options)}");
    }

    private static async Task<byte[]?> ReadBoundedAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    private static bool IsJson(string contentType)
    {
        var media = contentType.Split(';', 2)[0].Trim();
        return media.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult TooLarge(long maxBytes) => ApiProblems.TooLarge($"The body is larger than {maxBytes} bytes.");

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        cut = cut < 0 ? message.IndexOf(" LineNumber:", StringComparison.Ordinal) : cut;
        return (cut < 0 ? message : message[..cut]).Trim();
    }

    [GeneratedRegex("The JSON property '([^']*)' could not be mapped")]
    private static partial Regex UnmappedMember();
}
