using System.Net;

namespace VideoPipeline.Tests.Api;

public sealed class ApiLimitsTests(BlockedJobsFixture fixture) : IClassFixture<BlockedJobsFixture>
{
    [Fact]
    public async Task Generate_body_over_the_limit_returns_413()
    {
        using var client = fixture.Host.Client();
        var huge = $$"""{"prompt":"{{new string('a', 2 * 1024 * 1024)}}"}""";

        using var response = await client.PostAsync("/api/video/generate", huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"prompt":"x","duration_seconds":""", "body")]
    [InlineData("""{"prompt":"A park","duration_seconds":"thirty"}""", "duration_seconds")]
    [InlineData("""{"prompt":"A park","captions":"yes"}""", "captions")]
    [InlineData("""{"prompt":"A park","voice_settings":{"speed":"fast"}}""", "voice_settings.speed")]
    [InlineData("""{"prompt":"A park","editing_instructions":{"type":"text_overlay"}}""", "editing_instructions")]
    [InlineData("""{"prompt":"A park","resolution":"4k"}""", "resolution")]
    [InlineData("""{"prompt":"A park","fit":"stretch"}""", "fit")]
    [InlineData("""{"prompt":"A park","aspect_ratio":"4:3"}""", "aspect_ratio")]
    [InlineData("""{"prompt":"A park","duraton_seconds":10}""", "duraton_seconds")]
    [InlineData("""{"prompt":"","duration_seconds":10}""", "prompt")]
    [InlineData("""{"prompt":"A park","duration_seconds":-5}""", "duration_seconds")]
    [InlineData("""{"prompt":"A park","webhook_url":"ftp://example.com/hook"}""", "webhook_url")]
    [InlineData("""{"prompt":"A park","editing_instructions":[{"type":"text_overlay","text":"Hi","timestamp":99}]}""", "editing_instructions[0].timestamp")]
    [InlineData("""{"prompt":"A park","caption_style":{"primary_color":"yellow"}}""", "caption_style.primary_color")]
    [InlineData("""[1,2,3]""", "body")]
    public async Task Generate_bad_body_returns_400_problem_naming_the_field(string json, string field)
    {
        using var client = fixture.Host.Client();

        using var response = await client.PostAsync("/api/video/generate", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(response.IsProblem());
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
    }

    [Fact]
    public async Task Generate_same_idempotency_key_and_body_returns_the_same_job()
    {
        using var client = fixture.Host.Client();
        var key = Guid.NewGuid().ToString();

        using var first = await client.PostAsync("/api/video/generate", ApiJson.SmallJob, key);
        using var replay = await client.PostAsync("/api/video/generate", ApiJson.SmallJob.Replace(",", ", ", StringComparison.Ordinal), key);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal((await first.JsonAsync()).GetProperty("job_id").GetString(), (await replay.JsonAsync()).GetProperty("job_id").GetString());
    }

    [Fact]
    public async Task Generate_same_idempotency_key_with_another_body_returns_409()
    {
        using var client = fixture.Host.Client();
        var key = Guid.NewGuid().ToString();
        using var first = await client.PostAsync("/api/video/generate", ApiJson.SmallJob, key);

        using var other = await client.PostAsync("/api/video/generate", """{"prompt":"Something else entirely","duration_seconds":3}""", key);

        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.True(other.IsProblem());
    }

    [Fact]
    public async Task Generate_same_idempotency_key_from_another_owner_is_another_job()
    {
        using var alice = fixture.Host.Client();
        using var bob = fixture.Host.Client(ApiTestHost.BobKey);
        var key = Guid.NewGuid().ToString();

        using var fromAlice = await alice.PostAsync("/api/video/generate", ApiJson.SmallJob, key);
        using var fromBob = await bob.PostAsync("/api/video/generate", ApiJson.SmallJob, key);

        Assert.Equal(HttpStatusCode.Accepted, fromBob.StatusCode);
        Assert.NotEqual((await fromAlice.JsonAsync()).GetProperty("job_id").GetString(), (await fromBob.JsonAsync()).GetProperty("job_id").GetString());
    }
}

public sealed class RateLimitTests
{
    [Fact]
    public async Task Requests_over_the_keys_limit_return_429_with_retry_after()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Api:RateLimit:TokenLimit"] = "3",
            ["Api:RateLimit:TokensPerPeriod"] = "1",
            ["Api:RateLimit:ReplenishmentPeriod"] = "00:01:00",
        };
        await using var host = await ApiTestHost.StartAsync(settings);
        using var client = host.Client();

        var codes = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 5; i++)
        {
            var response = await client.GetAsync("/api/video/jobs");
            codes.Add(response.StatusCode);
            limited ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], codes);
        Assert.True(limited!.Headers.RetryAfter!.Delta > TimeSpan.Zero);
        using var bob = host.Client(ApiTestHost.BobKey);
        using var other = await bob.GetAsync("/api/video/jobs");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
