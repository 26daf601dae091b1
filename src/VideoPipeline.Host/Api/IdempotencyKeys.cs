using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

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

    /// <summary>The request's key (null without one); a malformed key gives the 400 to answer instead.</summary>
    public static ProblemHttpResult? Read(HttpRequest request, out string? key)
    {
        key = request.Headers[HeaderName].FirstOrDefault();
        return key is not null && (key.Length is 0 or > MaxLength || key.Any(c => c < 0x21 || c > 0x7e))
            ? ApiProblems.Validation(HeaderName, $"{HeaderName} must be 1 to {MaxLength} printable ASCII characters without spaces")
            : null;
    }

    /// <summary>409: the key named earlier work with another body.</summary>
    /// <param name="what">"job" or "task".</param>
    public static ProblemHttpResult Reused(string what) =>
        ApiProblems.Conflict($"This {HeaderName} was used with a different request body; use a new key for a new {what}.");

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
