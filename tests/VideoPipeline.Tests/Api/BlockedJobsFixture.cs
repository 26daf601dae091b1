using System.Text.Json;

namespace VideoPipeline.Tests.Api;

/// <summary>
/// An API host whose jobs start and then cannot progress (no moderation slot: <c>ActivityConcurrency</c> 0), so
/// they stay running for as long as a test needs; the watchdog is off. Shared by a class's tests.
/// </summary>
public sealed class BlockedJobsFixture : IAsyncLifetime
{
    public ApiTestHost Host { get; private set; } = null!;

    public static Dictionary<string, string?> Settings(bool watchdog = false) => new()
    {
        ["DurableTask:ActivityConcurrency:ModerateContent"] = "0",

        // Blocked jobs hold their slots; every job should start rather than wait behind them.
        ["Admission:Concurrency:GenerateVideo"] = "1000",
        ["Api:Watchdog:Enabled"] = watchdog ? "true" : "false",
    };

    public async Task InitializeAsync() => this.Host = await ApiTestHost.StartAsync(Settings());

    public async Task DisposeAsync() => await this.Host.DisposeAsync();

    /// <summary>Polls the job until <paramref name="done"/> holds for its status body.</summary>
    public static async Task<JsonElement> WaitForJobAsync(HttpClient client, string jobId, Func<JsonElement, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            using var response = await client.GetAsync($"/api/video/jobs/{jobId}");
            var body = await response.JsonAsync();
            if (done(body))
            {
                return body;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"job {jobId} never reached the expected state; last: {body}");
            }

            await Task.Delay(200);
        }
    }
}
