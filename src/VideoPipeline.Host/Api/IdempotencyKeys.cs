using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace VideoPipeline.Host.Api;

/// <summary>
/// <c>Idempotency-Key</c> on the POSTs that create work (generate, the processing tasks): the key names the job or
/// task. Its id is derived from owner and key, so the record itself (Cosmos) is the durable memory of the key: a
/// replay after a restart finds it, and the request digest kept with it tells a replay (same body) from a conflict.
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

    /// <summary>A task's id for the key: per kind of task, so one key on two endpoints names two tasks, never a job.</summary>
    public static string TaskIdFor(string ownerId, string kind, string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"idempotency\n{ownerId}\ntasks/{kind}\n{key}")))[..32];

    /// <summary>The digest of the parsed body: whitespace and property order do not make a body different.</summary>
    public static string HashOf<T>(T body, JsonSerializerOptions options) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(body, options)));
}
