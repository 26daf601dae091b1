using System.Security.Cryptography;
using System.Text;
using VideoPipeline.Webhooks;

namespace VideoPipeline.Tests.Webhooks;

public sealed class WebhookSignerTests
{
    [Fact]
    public void Sign_standard_webhooks_reference_vector_matches()
    {
        // The Standard Webhooks C# library's own known-answer test (libraries/csharp/StandardWebhooks.Tests/WebhookTest.cs).
        var signer = new WebhookSigner("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        var signature = signer.Sign("msg_p5jXN8AQM9LWM0D4loKWxJek", DateTimeOffset.FromUnixTimeSeconds(1614265330), "{\"test\": 2432232314}"u8);

        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    [Fact]
    public void Sign_matches_an_independently_computed_hmac()
    {
        var secret = WebhookSecret.Generate();
        var body = Encoding.UTF8.GetBytes("{\"type\":\"job.succeeded\",\"data\":{\"job_id\":\"j1\",\"title\":\"café ☕\"}}");
        var at = DateTimeOffset.FromUnixTimeSeconds(1_760_000_000);

        var signature = new WebhookSigner(secret).Sign("evt_1", at, body);

        using var hmac = new HMACSHA256(Convert.FromBase64String(secret["whsec_".Length..]));
        var expected = hmac.ComputeHash([.. Encoding.UTF8.GetBytes("evt_1.1760000000."), .. body]);
        Assert.Equal("v1," + Convert.ToBase64String(expected), signature);
    }

    [Fact]
    public void Sign_several_secrets_gives_one_space_separated_entry_each()
    {
        var (current, previous) = (WebhookSecret.Generate(), WebhookSecret.Generate());
        var at = DateTimeOffset.FromUnixTimeSeconds(1_760_000_000);

        var entries = new WebhookSigner(current, previous).Sign("evt_1", at, "{}"u8).Split(' ');

        Assert.Equal([new WebhookSigner(current).Sign("evt_1", at, "{}"u8), new WebhookSigner(previous).Sign("evt_1", at, "{}"u8)], entries);
    }

    [Fact]
    public void Generate_secret_is_prefixed_base64_of_32_random_bytes()
    {
        var secret = WebhookSecret.Generate();

        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.Equal(32, WebhookSecret.DecodeKey(secret).Length);
        Assert.NotEqual(secret, WebhookSecret.Generate());
    }

    [Theory]
    [InlineData(16)]
    [InlineData(65)]
    public void Generate_key_size_outside_24_to_64_bytes_throws(int bytes)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WebhookSecret.Generate(bytes));
    }

    [Theory]
    [InlineData("whsec_not base64!")]
    [InlineData("whsec_")]
    public void DecodeKey_malformed_secret_throws_format_exception(string secret)
    {
        Assert.Throws<FormatException>(() => WebhookSecret.DecodeKey(secret));
    }
}
