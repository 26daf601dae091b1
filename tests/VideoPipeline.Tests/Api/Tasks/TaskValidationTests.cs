using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace VideoPipeline.Tests.Api.Tasks;

/// <summary>Bad task input is a 400 problem naming the field (413 for oversize), before anything is queued.</summary>
public sealed class TaskValidationTests(TaskApiFixture fixture) : IClassFixture<TaskApiFixture>
{
    [Theory]
    [InlineData("http://127.0.0.1/video.mp4")]
    [InlineData("http://localhost/video.mp4")]
    [InlineData("http://[::1]/video.mp4")]
    [InlineData("http://10.0.0.1/video.mp4")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://0.0.0.0/video.mp4")]
    [InlineData("http://[::ffff:127.0.0.1]/video.mp4")]
    [InlineData("file:///etc/passwd")]
    public async Task CaptionTask_with_a_non_public_url_is_refused_with_400_naming_video_url(string url)
    {
        var problem = await this.PostAsync("caption", new { video_url = url }, HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("video_url", out _), problem.ToString());
    }

    [Fact]
    public async Task CaptionTask_with_an_allowed_server_redirecting_to_loopback_is_refused_with_400()
    {
        var elsewhere = $"http://127.0.0.1:{fixture.Host.BaseAddress.Port}/api/health";

        var problem = await this.PostAsync("caption", new { video_url = fixture.Media.Redirect(elsewhere) }, HttpStatusCode.BadRequest);

        Assert.Contains("video_url", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MergeTask_with_a_refused_voiceover_url_names_the_scene_field()
    {
        var problem = await this.PostAsync(
            "merge",
            new { scenes = new[] { new { video_url = fixture.Media.File(fixture.Files.SpokenVideo).ToString(), voiceover_url = "http://169.254.169.254/" } } },
            HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("scenes[0].voiceover_url", out _), problem.ToString());
    }

    [Fact]
    public async Task CaptionTask_with_a_file_over_the_download_limit_is_413()
    {
        var problem = await this.PostAsync("caption", new { video_url = fixture.Media.File(fixture.Files.Big) }, HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("video_url", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaptionTask_with_an_unknown_model_size_names_model_size()
    {
        var problem = await this.PostAsync("caption", new { video_url = fixture.Media.File(fixture.Files.SpokenVideo), model_size = "huge" }, HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("model_size", out _));
    }

    [Fact]
    public async Task MergeTask_with_an_unknown_mode_names_mode()
    {
        var problem = await this.PostAsync(
            "merge",
            new { scenes = new[] { new { video_url = "asset://x", voiceover_url = "asset://y" } }, mode = "stretch" },
            HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("mode", out _));
    }

    [Fact]
    public async Task BackgroundMusicTask_with_a_volume_of_the_wrong_type_names_the_field()
    {
        var problem = await this.PostAsync("background-music", new { video_url = "asset://x", music_url = "asset://y", music_volume = "loud" }, HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("music_volume", out _));
    }

    [Fact]
    public async Task CaptionTask_with_another_owners_asset_is_400_as_if_it_did_not_exist()
    {
        using var bob = fixture.Host.Client(ApiTestHost.BobKey);
        using var form = new MultipartFormDataContent { { new StreamContent(File.OpenRead(fixture.Files.SilentVideo)), "file", "bob.mp4" } };
        using var upload = await bob.PostAsync("/api/uploads", form);
        var asset = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("asset_url").GetString();

        var problem = await this.PostAsync("caption", new { video_url = asset }, HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("video_url", out _));
    }

    private async Task<JsonElement> PostAsync(string kind, object body, HttpStatusCode expected)
    {
        using var client = fixture.Host.Client();
        using var response = await client.PostAsJsonAsync($"/api/tasks/{kind}", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
