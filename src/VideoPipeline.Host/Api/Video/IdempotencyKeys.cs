using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace VideoPipeline.Host.Api.Video;

/// <summary>
/// <c>Idempotency-Key</c> on generate: the key names the job. Its id is derived from owner and key, so the job's
/// own task record (Cosmos) is the durable memory of the key: a replay after a restart finds it, and the request
/// digest kept with it tells a replay (same body) from a conflict (another body).
/// </summary>
public static class IdempotencyKeys
{
    public const string HeaderName = "Idempotency-Key";
    public const int MaxLength = 255;

    public static string? Validate(string key) =>
        key.Length is 0 or > MaxLength || key.Any(c => c < 0x21 || c > 0x7e)
            ? $"{HeaderName} must be 1 to {MaxLength} printable ASCII characters without spaces"
            : null;

    /// <summary>32 hex digits, like any job id; one owner's key never names another owner's job.</summary>
    public static string JobIdFor(string ownerId, string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"idempotency\n{ownerId}\n{key}")))[..32];

    /// <summary>The digest of the parsed body: whitespace and property order do not make a body different.</summary>
    public static string HashOf<T>(T body, JsonSerializerOptions options) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(body, options)));
}
