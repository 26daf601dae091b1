using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace VideoPipeline.Tests.Api.Tasks;

/// <summary>Idempotency-Key and polling headers on the seed 003 task POSTs.</summary>
public sealed class TaskIdempotencyTests(TaskApiFixture fixture) : IClassFixture<TaskApiFixture>
{
    [Fact]
    public async Task PostCaption_accepted_sends_location_and_retry_after()
    {
        using var client = fixture.Host.Client();

        using var response = await this.PostCaptionAsync(client, key: null, wordsPerLine: 3);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.NotNull(response.Headers.Location);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task PostCaption_same_key_and_body_returns_the_first_task()
    {
        using var client = fixture.Host.Client();
        var key = "caption-" + Guid.NewGuid().ToString("N");
        using var first = await this.PostCaptionAsync(client, key, wordsPerLine: 3);

        using var again = await this.PostCaptionAsync(client, key, wordsPerLine: 3);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(await TaskIdAsync(first), await TaskIdAsync(again));
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
    }

    [Fact]
    public async Task PostCaption_same_key_other_body_returns_409_problem()
    {
        using var client = fixture.Host.Client();
        var key = "caption-" + Guid.NewGuid().ToString("N");
        using var first = await this.PostCaptionAsync(client, key, wordsPerLine: 3);

        using var other = await this.PostCaptionAsync(client, key, wordsPerLine: 5);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PostCaption_same_key_from_another_owner_starts_that_owners_own_task()
    {
        var key = "caption-" + Guid.NewGuid().ToString("N");
        using var alice = fixture.Host.Client();
        using var bob = fixture.Host.Client(ApiTestHost.BobKey);
        using var first = await this.PostCaptionAsync(alice, key, wordsPerLine: 3);

        using var second = await this.PostCaptionAsync(bob, key, wordsPerLine: 3);

        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.NotEqual(await TaskIdAsync(first), await TaskIdAsync(second));
    }

    private static async Task<string> TaskIdAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("task_id").GetString()!;

    private async Task<HttpResponseMessage> PostCaptionAsync(HttpClient client, string? key, int wordsPerLine)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tasks/caption")
        {
            Content = JsonContent.Create(new { video_url = fixture.Media.File(fixture.Files.SpokenVideo), words_per_line = wordsPerLine }),
        };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return await client.SendAsync(request);
    }
}
