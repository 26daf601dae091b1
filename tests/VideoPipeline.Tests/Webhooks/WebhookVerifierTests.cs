using System.Globalization;
using System.Text;
using VideoPipeline.Webhooks;

namespace VideoPipeline.Tests.Webhooks;

public sealed class WebhookVerifierTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_760_000_000);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"type\":\"job.progress\",\"data\":{\"progress\":40}}");

    private readonly string secret = WebhookSecret.Generate();

    [Fact]
    public void Verify_valid_message_passes()
    {
        var (id, timestamp, signature) = this.Signed(Now);

        this.Verifier().Verify(id, timestamp, signature, Body);
    }

    [Fact]
    public void Verify_standard_webhooks_reference_message_passes()
    {
        var verifier = new WebhookVerifier("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", new FixedTime(DateTimeOffset.FromUnixTimeSeconds(1614265330)));

        verifier.Verify("msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", "{\"test\": 2432232314}");
    }

    [Fact]
    public void Verify_tampered_body_throws()
    {
        var (id, timestamp, signature) = this.Signed(Now);
        var tampered = Encoding.UTF8.GetBytes("{\"type\":\"job.progress\",\"data\":{\"progress\":41}}");

        var error = Assert.Throws<WebhookVerificationException>(() => this.Verifier().Verify(id, timestamp, signature, tampered));

        Assert.Contains("No matching signature", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_wrong_secret_throws()
    {
        var (id, timestamp, signature) = this.Signed(Now);

        Assert.Throws<WebhookVerificationException>(() => new WebhookVerifier(WebhookSecret.Generate(), new FixedTime(Now)).Verify(id, timestamp, signature, Body));
    }

    [Fact]
    public void Verify_changed_id_or_timestamp_throws()
    {
        var (id, timestamp, signature) = this.Signed(Now);
        var verifier = this.Verifier();

        Assert.Throws<WebhookVerificationException>(() => verifier.Verify(id + "x", timestamp, signature, Body));
        Assert.Throws<WebhookVerificationException>(() => verifier.Verify(id, (Now.ToUnixTimeSeconds() + 1).ToString(CultureInfo.InvariantCulture), signature, Body));
    }

    [Fact]
    public void Verify_timestamp_older_than_five_minutes_throws()
    {
        var (id, timestamp, signature) = this.Signed(Now.AddSeconds(-301));

        var error = Assert.Throws<WebhookVerificationException>(() => this.Verifier().Verify(id, timestamp, signature, Body));

        Assert.Contains("too old", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_timestamp_more_than_five_minutes_ahead_throws()
    {
        var (id, timestamp, signature) = this.Signed(Now.AddSeconds(301));

        var error = Assert.Throws<WebhookVerificationException>(() => this.Verifier().Verify(id, timestamp, signature, Body));

        Assert.Contains("future", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_timestamp_just_within_tolerance_passes()
    {
        var (id, timestamp, signature) = this.Signed(Now.AddSeconds(-300));

        this.Verifier().Verify(id, timestamp, signature, Body);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Verify_missing_header_throws(int missing)
    {
        var headers = new[] { this.Signed(Now).Id, this.Signed(Now).Timestamp, this.Signed(Now).Signature };
        headers[missing] = string.Empty;

        var error = Assert.Throws<WebhookVerificationException>(() => this.Verifier().Verify(headers[0], headers[1], headers[2], Body));

        Assert.Contains("Missing header", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1760000000.5")]
    [InlineData("-1760000000")]
    [InlineData("2025-10-09T09:33:20Z")]
    public void Verify_malformed_timestamp_throws(string timestamp)
    {
        var (id, _, signature) = this.Signed(Now);

        var error = Assert.Throws<WebhookVerificationException>(() => this.Verifier().Verify(id, timestamp, signature, Body));

        Assert.Contains("Malformed", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v1,")]
    [InlineData("v1,not-base64!!")]
    [InlineData("garbage")]
    [InlineData("v2,{valid}")]
    public void Verify_malformed_or_other_version_signature_throws(string signature)
    {
        var (id, timestamp, valid) = this.Signed(Now);

        Assert.Throws<WebhookVerificationException>(() =>
            this.Verifier().Verify(id, timestamp, signature.Replace("{valid}", valid["v1,".Length..], StringComparison.Ordinal), Body));
    }

    [Fact]
    public void Verify_one_matching_entry_among_several_passes()
    {
        var (id, timestamp, valid) = this.Signed(Now);
        var header = $"v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v1a,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= {valid} v2,abc=";

        this.Verifier().Verify(id, timestamp, header, Body);
    }

    [Fact]
    public void Verify_rotation_old_and_new_secrets_both_verify()
    {
        var next = WebhookSecret.Generate();
        var signed = new WebhookSigner(next, this.secret).Sign("evt_1", Now, Body);
        var timestamp = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        // A receiver that only knows the old secret and one that already has the new one both accept it.
        this.Verifier().Verify("evt_1", timestamp, signed, Body);
        new WebhookVerifier(next, new FixedTime(Now)).Verify("evt_1", timestamp, signed, Body);
    }

    private WebhookVerifier Verifier() => new(this.secret, new FixedTime(Now));

    private (string Id, string Timestamp, string Signature) Signed(DateTimeOffset at) =>
        ("evt_2b7", at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), new WebhookSigner(this.secret).Sign("evt_2b7", at, Body));

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
