using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using VideoPipeline.Tests.TestSupport;

namespace VideoPipeline.Tests.Api;

public sealed class FullJobThroughApiTests
{
    [Fact]
    public async Task Generate_with_music_url_ends_in_a_downloadable_playable_video()
    {
        using var media = new TempDirectory();
        var song = media.File("song.mp3");
        await Tool.FFmpegAsync("-f", "lavfi", "-i", "sine=f=330:d=8", "-c:a", "libmp3lame", song);
        await using var music = await KestrelLoopbackServer.StartAsync(context => context.Response.SendFileAsync(song));
        await using var host = await ApiTestHost.StartAsync(null, music.EndPoint);
        using var client = host.Client();

        var jobId = await client.SubmitAsync(
            $$"""{"prompt":"A calm morning kitchen with fresh coffee","duration_seconds":3,"captions":true,"music_url":"{{music.Url("song.mp3")}}","metadata":{"order":42} }""");
        var progress = new List<int>();
        var job = await BlockedJobsFixture.WaitForJobAsync(
            client,
            jobId,
            b =>
            {
                progress.Add(b.GetProperty("progress").GetInt32());
                return b.GetProperty("status").GetString() is "completed" or "failed" or "cancelled";
            },
            TimeSpan.FromMinutes(4));

        Assert.True(job.GetProperty("status").GetString() == "completed", job.ToString());
        Assert.Equal(progress.Order(), progress);
        Assert.Equal(100, progress[^1]);
        var assets = job.GetProperty("assets");
        Assert.Equal(JsonValueKind.String, assets.GetProperty("captions").GetProperty("vtt").ValueKind);
        Assert.NotEmpty(assets.GetProperty("intermediate_renders").EnumerateArray());

        // The SAS link works on its own: no API key, straight from the blob service.
        using var anonymous = new HttpClient();
        var video = media.File("final.mp4");
        await File.WriteAllBytesAsync(video, await anonymous.GetByteArrayAsync(assets.GetProperty("final_video").GetString()));
        var probe = await Tool.RunAsync("ffprobe", "-v", "error", "-show_entries", "format=duration:stream=codec_type", "-of", "json", video);
        using var info = JsonDocument.Parse(probe.Stdout);
        var kinds = info.RootElement.GetProperty("streams").EnumerateArray().Select(s => s.GetProperty("codec_type").GetString()).ToList();
        Assert.Contains("video", kinds);
        Assert.Contains("audio", kinds);
        Assert.InRange(double.Parse(info.RootElement.GetProperty("format").GetProperty("duration").GetString()!, System.Globalization.CultureInfo.InvariantCulture), 2.5, 3.5);
        Assert.Equal(1, music.Requests);
        using var durable = await client.GetAsync($"/runtime/webhooks/durabletask/instances/{jobId}");
        Assert.Equal(HttpStatusCode.OK, durable.StatusCode);
    }
}
