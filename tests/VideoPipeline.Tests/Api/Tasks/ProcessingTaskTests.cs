using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VideoPipeline.Media.Captions;
using VideoPipeline.Tests.TestSupport;

namespace VideoPipeline.Tests.Api.Tasks;

/// <summary>Each seed 003 task end to end through the API: fetched from a loopback server, processed by ffmpeg, playable.</summary>
public sealed class ProcessingTaskTests(TaskApiFixture fixture) : IClassFixture<TaskApiFixture>
{
    [Fact]
    public async Task CaptionTask_from_a_url_produces_a_playable_captioned_video_and_parseable_captions()
    {
        using var client = fixture.Host.Client();
        var id = await TaskApiFixture.SubmitAsync(client, "caption", new { video_url = fixture.Media.File(fixture.Files.SpokenVideo), words_per_line = 3 });

        var task = await TaskApiFixture.WaitForTaskAsync(client, id);

        Assert.Equal("success", task.GetProperty("status").GetString());
        Assert.Equal(100, task.GetProperty("progress").GetInt32());
        var source = await TaskApiFixture.Probe.ProbeAsync(fixture.Files.SpokenVideo);
        var video = await TaskApiFixture.Probe.ProbeAsync(await TaskApiFixture.DownloadAsync(client, task, "video", ".mp4"));
        Assert.True(video.HasVideo && video.HasAudio);
        Assert.Equal(640, video.Video!.Width);
        Assert.InRange(video.DurationSeconds!.Value, source.DurationSeconds!.Value - 0.2, source.DurationSeconds.Value + 0.2);
        var srt = SubtitleParser.ParseSrt(await File.ReadAllTextAsync(await TaskApiFixture.DownloadAsync(client, task, "srt", ".srt")));
        var vtt = SubtitleParser.ParseVtt(await File.ReadAllTextAsync(await TaskApiFixture.DownloadAsync(client, task, "vtt", ".vtt")));
        Assert.NotEmpty(srt);
        Assert.Equal(srt.Count, vtt.Count);
        Assert.All(srt, cue => Assert.True(cue.Text.Split(' ').Length <= 3 && cue.End <= video.DurationSeconds.Value));
    }

    [Fact]
    public async Task CaptionTask_burns_text_into_the_frames_under_the_spoken_words()
    {
        using var client = fixture.Host.Client();
        var id = await TaskApiFixture.SubmitAsync(client, "caption", new { video_url = fixture.Media.File(fixture.Files.SpokenVideo) });
        var task = await TaskApiFixture.WaitForTaskAsync(client, id);
        var srt = SubtitleParser.ParseSrt(await File.ReadAllTextAsync(await TaskApiFixture.DownloadAsync(client, task, "srt", ".srt")));
        var cue = srt[srt.Count / 2];
        var at = (cue.Start + cue.End) / 2;

        var burned = await GrayFrame.GrabAsync(await TaskApiFixture.DownloadAsync(client, task, "video", ".mp4"), at, 640, 360);
        var original = await GrayFrame.GrabAsync(fixture.Files.SpokenVideo, at, 640, 360);

        // Captions sit at the bottom centre; the top of the picture is left alone.
        Assert.True(burned.ChangedFraction(original, new Region(0.2, 0.75, 0.8, 0.97)) > 0.02);
        Assert.True(burned.ChangedFraction(original, new Region(0, 0, 1, 0.4)) < 0.01);
    }

    [Fact]
    public async Task MergeTask_with_two_scenes_of_different_shapes_produces_one_video_as_long_as_both()
    {
        using var client = fixture.Host.Client();
        var id = await TaskApiFixture.SubmitAsync(client, "merge", new
        {
            scenes = new[]
            {
                new { video_url = fixture.Media.File(fixture.Files.SpokenVideo), voiceover_url = fixture.Media.File(fixture.Files.Music) },
                new { video_url = fixture.Media.File(fixture.Files.SquareVideo), voiceover_url = fixture.Media.File(fixture.Files.Speech) },
            },
            mode = "contain",
        });

        var task = await TaskApiFixture.WaitForTaskAsync(client, id);

        Assert.Equal("success", task.GetProperty("status").GetString());
        var first = await TaskApiFixture.Probe.ProbeAsync(fixture.Files.SpokenVideo);
        var second = await TaskApiFixture.Probe.ProbeAsync(fixture.Files.SquareVideo);
        var merged = await TaskApiFixture.Probe.ProbeAsync(await TaskApiFixture.DownloadAsync(client, task, "video", ".mp4"));
        Assert.True(merged.HasVideo && merged.HasAudio);
        Assert.Equal((640, 360), (merged.Video!.Width, merged.Video.Height));
        var expected = first.DurationSeconds!.Value + second.DurationSeconds!.Value;
        Assert.InRange(merged.DurationSeconds!.Value, expected - 0.25, expected + 0.25);
    }

    [Fact]
    public async Task BackgroundMusicTask_loops_the_music_under_a_silent_video_for_its_whole_length()
    {
        using var client = fixture.Host.Client();
        var id = await TaskApiFixture.SubmitAsync(client, "background-music", new
        {
            video_url = fixture.Media.File(fixture.Files.SilentVideo),
            music_url = fixture.Media.File(fixture.Files.Music),
            music_volume = 0.5,
        });

        var task = await TaskApiFixture.WaitForTaskAsync(client, id);

        Assert.Equal("success", task.GetProperty("status").GetString());
        var path = await TaskApiFixture.DownloadAsync(client, task, "video", ".mp4");
        var mixed = await TaskApiFixture.Probe.ProbeAsync(path);
        Assert.True(mixed.HasVideo && mixed.HasAudio);
        Assert.InRange(mixed.Audio!.DurationSeconds!.Value, 2.9, 3.1);

        // The 1.5 s music loops: the last second is not silence.
        var tail = Path.ChangeExtension(path, ".tail.wav");
        await Tool.FFmpegAsync("-ss", "2", "-i", path, "-vn", tail);
        Assert.True(await AudioMeter.MeanVolumeAsync(tail) > -40);
    }

    [Fact]
    public async Task CaptionTask_from_an_uploaded_asset_reference_succeeds_without_fetching_a_url()
    {
        using var client = fixture.Host.Client();
        using var form = new MultipartFormDataContent { { new StreamContent(File.OpenRead(fixture.Files.SpokenVideo)), "file", "my clip.mp4" } };
        using var upload = await client.PostAsync("/api/uploads", form);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var asset = await upload.Content.ReadFromJsonAsync<JsonElement>();
        var served = fixture.Media.Server.Requests;

        var id = await TaskApiFixture.SubmitAsync(client, "caption", new { video_url = asset.GetProperty("asset_url").GetString() });
        var task = await TaskApiFixture.WaitForTaskAsync(client, id);

        Assert.Equal("success", task.GetProperty("status").GetString());
        Assert.Equal(served, fixture.Media.Server.Requests);
    }

    [Fact]
    public async Task CaptionTask_of_a_video_without_audio_fails_saying_why_and_where()
    {
        using var client = fixture.Host.Client();
        var id = await TaskApiFixture.SubmitAsync(client, "caption", new { video_url = fixture.Media.File(fixture.Files.SilentVideo) });

        var task = await TaskApiFixture.WaitForTaskAsync(client, id);

        Assert.Equal("failed", task.GetProperty("status").GetString());
        var error = task.GetProperty("error");
        Assert.Equal("INVALID_INPUT", error.GetProperty("code").GetString());
        Assert.Contains("video_url", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(error.GetProperty("retryable").GetBoolean());
    }

    [Fact]
    public async Task CaptionTask_whose_download_outgrows_the_limit_while_streaming_fails_as_too_large()
    {
        using var client = fixture.Host.Client();
        var id = await TaskApiFixture.SubmitAsync(client, "caption", new { video_url = fixture.Media.Chunked(fixture.Files.Big) });

        var task = await TaskApiFixture.WaitForTaskAsync(client, id);

        Assert.Equal("failed", task.GetProperty("status").GetString());
        var error = task.GetProperty("error");
        Assert.Equal(("INPUT_TOO_LARGE", "download", false), (error.GetProperty("code").GetString(), error.GetProperty("failed_stage").GetString(), error.GetProperty("retryable").GetBoolean()));
    }

    [Fact]
    public async Task GetTask_of_another_owner_is_404()
    {
        using var alice = fixture.Host.Client();
        using var bob = fixture.Host.Client(ApiTestHost.BobKey);
        var id = await TaskApiFixture.SubmitAsync(alice, "caption", new { video_url = fixture.Media.File(fixture.Files.SilentVideo) });

        using var response = await bob.GetAsync($"/api/tasks/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
