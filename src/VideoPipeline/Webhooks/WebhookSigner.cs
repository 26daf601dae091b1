using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace VideoPipeline.Webhooks;

/// <summary>
/// Signs webhook messages per Standard Webhooks: HMAC-SHA256 over <c>{id}.{timestamp}.{body}</c> (UTF-8, the raw
/// body bytes), base64, as <c>v1,&lt;signature&gt;</c>. Several secrets give several entries, so a receiver keeps
/// verifying while an owner rotates the secret.
/// </summary>
public sealed class WebhookSigner
{
    public const string Version = "v1";

    private readonly byte[][] keys;

    /// <param name="secrets">The owner's active secrets (<c>whsec_…</c>), newest first.</param>
    public WebhookSigner(params IEnumerable<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        this.keys = [.. secrets.Select(WebhookSecret.DecodeKey)];
        if (this.keys.Length == 0)
        {
            throw new ArgumentException("At least one webhook secret is needed", nameof(secrets));
        }
    }

    /// <summary>The <c>webhook-signature</c> header value for this message and attempt time.</summary>
    public string Sign(string webhookId, DateTimeOffset timestamp, ReadOnlySpan<byte> body)
    {
        var entries = new string[this.keys.Length];
        for (var i = 0; i < this.keys.Length; i++)
        {
            entries[i] = $"{Version},{Convert.ToBase64String(Compute(this.keys[i], webhookId, timestamp.ToUnixTimeSeconds(), body))}";
        }

        return string.Join(' ', entries);
    }

    internal static byte[] Compute(byte[] key, string webhookId, long unixSeconds, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{webhookId}.{unixSeconds}.")));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
