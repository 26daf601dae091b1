using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VideoPipeline.Media.FFmpeg;
using VideoPipeline.Media.Probing;
using Microsoft.Extensions.Options;

namespace VideoPipeline.Tests.Api.Tasks;

/// <summary>
/// One API host (real emulators, real ffmpeg) that may reach exactly one loopback media server, with small limits
/// so oversize cases are cheap: downloads and uploads over 2 MB are refused.
/// </summary>
public sealed class TaskApiFixture : IAsyncLifetime
{
    public const long Limit = 2_000_000;

    internal MediaServer Media { get; private set; } = null!;

    internal TaskTestMedia.Files Files { get; private set; } = null!;

    public ApiTestHost Host { get; private set; } = null!;

    public static IMediaProbe Probe { get; } = new FFprobeMediaProbe(new FFMpegCoreOptions(Options.Create(new FFmpegOptions())));

    public async Task InitializeAsync()
    {
        this.Files = await TaskTestMedia.GetAsync();
        this.Media = await MediaServer.StartAsync(this.Files);
        this.Host = await ApiTestHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Downloads:MaxBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Uploads:MaxBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Pipeline:RetryFirstInterval"] = "00:00:00.2",
            },
            this.Media.Server.EndPoint);
    }

    public async Task DisposeAsync()
    {
        await this.Host.DisposeAsync();
        await this.Media.DisposeAsync();
    }

    /// <summary>Polls <c>GET /api/tasks/{id}</c> until the task has finished (success or failed).</summary>
    public static async Task<JsonElement> WaitForTaskAsync(HttpClient client, string taskId, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(4));
        while (true)
        {
            using var response = await client.GetAsync($"/api/tasks/{taskId}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            var status = body.GetProperty("status").GetString();
            if (status is "success" or "failed" || DateTime.UtcNow > deadline)
            {
                return body;
            }

            await Task.Delay(300);
        }
    }

    /// <summary>POSTs a task and returns its id (asserting 202 with a status URL).</summary>
    public static async Task<string> SubmitAsync(HttpClient client, string kind, object body)
    {
        using var response = await client.PostAsJsonAsync($"/api/tasks/{kind}", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {text}");
        using var json = JsonDocument.Parse(text);
        var id = json.RootElement.GetProperty("task_id").GetString()!;
        Assert.Equal($"/api/tasks/{id}", response.Headers.Location?.OriginalString);
        return id;
    }

    /// <summary>Downloads an output through <c>/api/assets/{id}</c> into a temp file.</summary>
    public static async Task<string> DownloadAsync(HttpClient client, JsonElement task, string role, string extension)
    {
        var url = task.GetProperty("outputs").GetProperty(role).GetProperty("url").GetString()!;
        var path = TaskTestMedia.NewPath(extension);
        await File.WriteAllBytesAsync(path, await client.GetByteArrayAsync(url));
        return path;
    }
}
