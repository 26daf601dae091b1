using System.Security.Cryptography;

namespace VideoPipeline.Webhooks;

/// <summary>Standard Webhooks symmetric secrets: <c>whsec_</c> + base64 of 24–64 random bytes.</summary>
public static class WebhookSecret
{
    public const string Prefix = "whsec_";

    public const int DefaultKeyBytes = 32;

    public static string Generate(int keyBytes = DefaultKeyBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keyBytes, 24);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(keyBytes, 64);
        return Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(keyBytes));
    }

    /// <summary>The HMAC key: the base64 after the prefix (accepted without the prefix too, as the reference library does).</summary>
    /// <exception cref="FormatException">The secret is empty or not base64.</exception>
    public static byte[] DecodeKey(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var encoded = secret.StartsWith(Prefix, StringComparison.Ordinal) ? secret[Prefix.Length..] : secret;
        var key = Convert.FromBase64String(encoded);
        return key.Length > 0 ? key : throw new FormatException("A webhook secret must not be empty");
    }
}
