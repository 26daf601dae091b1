using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace VideoPipeline.Host.Api.Auth;

/// <summary>
/// API keys and their owners, as with Functions keys. Keys are held only as SHA-256 hashes and
/// compared in constant time; a caller is whoever owns the key it presents.
/// </summary>
public sealed class ApiKeyStore
{
    public const string EnvironmentVariable = "VIDEOFUNCTIONS_API_KEYS";

    private readonly Dictionary<string, string> ownersByHash = new(StringComparer.Ordinal);

    public ApiKeyStore(IOptions<ApiOptions> options)
    {
        var entries = options.Value.Keys
            .Where(k => !string.IsNullOrWhiteSpace(k))
            .Concat((Environment.GetEnvironmentVariable(EnvironmentVariable) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        foreach (var entry in entries)
        {
            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == entry.Length - 1)
            {
                throw new InvalidOperationException($"API key entry '{Redact(entry)}' is not owner:key ({ApiOptions.Section}:Keys or {EnvironmentVariable})");
            }

            this.Add(entry[..colon], entry[(colon + 1)..]);
        }
    }

    public bool IsEmpty => this.ownersByHash.Count == 0;

    public void Add(string owner, string key)
    {
        if (key.Length < 16)
        {
            throw new InvalidOperationException($"The API key for '{owner}' is shorter than 16 characters");
        }

        this.ownersByHash[Hash(key)] = owner;
    }

    /// <summary>The key's owner, or null for an unknown key.</summary>
    public string? OwnerOf(string key)
    {
        var hash = Hash(key);
        foreach (var (known, owner) in this.ownersByHash)
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(known), Encoding.ASCII.GetBytes(hash)))
            {
                return owner;
            }
        }

        return null;
    }

    /// <summary>A new random key (URL-safe, 43 characters).</summary>
    public static string NewKey() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Redact(string entry) => entry.Length <= 6 ? "…" : entry[..Math.Min(entry.IndexOf(':', StringComparison.Ordinal) + 1, 12)] + "…";
}
