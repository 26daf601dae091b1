using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace VideoPipeline.Webhooks;

/// <summary>
/// Checks a received webhook the way integrators should (and the tests do): all three headers present, the
/// timestamp within <see cref="Tolerance"/> either way (replays of old messages fail), and some <c>v1</c>
/// entry matching some secret, compared in constant time. Verify the raw body bytes, never re-serialised JSON.
/// </summary>
public sealed class WebhookVerifier
{
    /// <summary>The reference library's tolerance, both too old and too new.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    private readonly byte[][] keys;
    private readonly TimeProvider time;

    /// <param name="secrets">Every secret a valid message may be signed with (during rotation: old and new).</param>
    public WebhookVerifier(IEnumerable<string> secrets, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        this.keys = [.. secrets.Select(WebhookSecret.DecodeKey)];
        if (this.keys.Length == 0)
        {
            throw new ArgumentException("At least one webhook secret is needed", nameof(secrets));
        }

        this.time = time ?? TimeProvider.System;
    }

    public WebhookVerifier(string secret, TimeProvider? time = null)
        : this([secret], time)
    {
    }

    /// <exception cref="WebhookVerificationException">The message must not be trusted; the message says why.</exception>
    public void Verify(string? webhookId, string? webhookTimestamp, string? webhookSignature, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(webhookId) || string.IsNullOrEmpty(webhookTimestamp) || string.IsNullOrEmpty(webhookSignature))
        {
            throw new WebhookVerificationException(
                $"Missing header: {WebhookHeaderNames.Id}, {WebhookHeaderNames.Timestamp} and {WebhookHeaderNames.Signature} are all required");
        }

        if (!long.TryParse(webhookTimestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            throw new WebhookVerificationException($"Malformed {WebhookHeaderNames.Timestamp}: not integer Unix seconds");
        }

        var now = this.time.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs(now - seconds) > Tolerance.TotalSeconds)
        {
            throw new WebhookVerificationException(
                seconds < now ? "The message timestamp is too old" : "The message timestamp is too far in the future");
        }

        var expected = new byte[this.keys.Length][];
        for (var i = 0; i < this.keys.Length; i++)
        {
            expected[i] = WebhookSigner.Compute(this.keys[i], webhookId, seconds, body);
        }

        foreach (var entry in webhookSignature.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            // Other versions (v1a is ed25519) are skipped, as the spec says.
            if (!entry.StartsWith(WebhookSigner.Version + ",", StringComparison.Ordinal)
                || !TryDecode(entry[(WebhookSigner.Version.Length + 1)..], out var signature))
            {
                continue;
            }

            if (expected.Any(e => CryptographicOperations.FixedTimeEquals(e, signature)))
            {
                return;
            }
        }

        throw new WebhookVerificationException("No matching signature found");
    }

    public void Verify(string? webhookId, string? webhookTimestamp, string? webhookSignature, string body) =>
        this.Verify(webhookId, webhookTimestamp, webhookSignature, Encoding.UTF8.GetBytes(body ?? string.Empty));

    private static bool TryDecode(string base64, out byte[] bytes)
    {
        bytes = new byte[base64.Length];
        if (Convert.TryFromBase64String(base64, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }

        return false;
    }
}
