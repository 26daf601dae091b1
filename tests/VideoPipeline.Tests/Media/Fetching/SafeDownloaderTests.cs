using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VideoPipeline.Media.Fetching;
using VideoPipeline.Tests.TestSupport;

namespace VideoPipeline.Tests.Media.Fetching;

/// <summary>The SSRF-safe downloader against real sockets: Kestrel on loopback, allowed only through the test policy.</summary>
public sealed class SafeDownloaderTests : IDisposable
{
    private readonly TempDirectory folder = new();

    public void Dispose() => this.folder.Dispose();

    [Theory]
    [InlineData("http://127.0.0.1/", "127.0.0.1")]
    [InlineData("http://localhost/", "localhost")]
    [InlineData("http://[::1]/", "[::1]")]
    [InlineData("http://10.0.0.1/", "10.0.0.1")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "169.254.169.254")]
    [InlineData("http://0.0.0.0/", "0.0.0.0")]
    [InlineData("http://[::ffff:127.0.0.1]/", "[::ffff:127.0.0.1]")]
    [InlineData("http://[::ffff:7f00:1]/", "[::ffff:127.0.0.1]")]
    [InlineData("http://2130706433/", "127.0.0.1")]
    [InlineData("http://0x7f.1/", "127.0.0.1")]
    [InlineData("http://017700000001/", "127.0.0.1")]
    [InlineData("http://0x7f000001/", "127.0.0.1")]
    [InlineData("http://127.1/", "127.0.0.1")]
    [InlineData("http://[64:ff9b::7f00:1]/", "[64:ff9b::7f00:1]")]
    [InlineData("http://[2002:a00:1::1]/", "[2002:a00:1::1]")]
    [InlineData("http://[fe80::1]/", "[fe80::1]")]
    [InlineData("http://100.64.0.1/", "100.64.0.1")]
    [InlineData("http://192.168.0.1:8080/", "192.168.0.1")]
    public async Task DownloadToFileAsync_internal_address_throws_refused_naming_the_host(string url, string host)
    {
        using var downloader = Downloader();

        var error = await Assert.ThrowsAsync<DownloadRefusedException>(() => downloader.DownloadToFileAsync(new Uri(url), this.folder.File("out")));

        Assert.Equal(host, error.Host);
        Assert.Contains($"'{host}'", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(this.folder.Path));
    }

    [Fact]
    public async Task DownloadToFileAsync_localhost_names_the_resolved_loopback_address()
    {
        using var downloader = Downloader();

        var error = await Assert.ThrowsAsync<DownloadRefusedException>(() => downloader.DownloadToFileAsync(new Uri("http://localhost:8080/x"), this.folder.File("out")));

        Assert.Matches("resolves to (127\\.0\\.0\\.1|::1), a loopback address", error.Reason);
    }

    [Theory]
    [InlineData("ftp://example.com/video.mp4", "not ftp")]
    [InlineData("file:///etc/passwd", "not file")]
    [InlineData("gopher://example.com/", "not gopher")]
    [InlineData("http://user:secret@example.com/video.mp4", "credentials")]
    public async Task DownloadToFileAsync_disallowed_url_form_throws_refused(string url, string reason)
    {
        using var downloader = Downloader();

        var error = await Assert.ThrowsAsync<DownloadRefusedException>(() => downloader.DownloadToFileAsync(new Uri(url), this.folder.File("out")));

        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DownloadToFileAsync_http_when_https_only_throws_refused()
    {
        using var downloader = Downloader(o => o.HttpsOnly = true);

        var error = await Assert.ThrowsAsync<DownloadRefusedException>(() => downloader.DownloadToFileAsync(new Uri("http://example.com/a.mp4"), this.folder.File("out")));

        Assert.Contains("only https", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DownloadToFileAsync_default_registration_refuses_a_running_loopback_server()
    {
        await using var server = await KestrelLoopbackServer.StartAsync(context => context.Response.WriteAsync("secret"));
        using var provider = new ServiceCollection().AddLogging().AddSafeDownloader(new ConfigurationBuilder().Build()).BuildServiceProvider();

        await Assert.ThrowsAsync<DownloadRefusedException>(() => provider.GetRequiredService<ISafeDownloader>().DownloadToFileAsync(server.Url("/"), this.folder.File("out")));

        Assert.Equal(0, server.Requests);
    }

    [Theory]
    [InlineData("http://127.0.0.1:{other}/secret", "127.0.0.1")]
    [InlineData("http://[::1]:{other}/secret", "[::1]")]
    [InlineData("http://169.254.169.254/latest/meta-data/iam/", "169.254.169.254")]
    [InlineData("http://2130706433:{other}/secret", "127.0.0.1")]
    [InlineData("file:///etc/passwd", "(no host)")]
    [InlineData("ftp://example.com/", "example.com")]
    public async Task DownloadToFileAsync_redirect_to_internal_target_throws_refused_and_never_reaches_it(string target, string host)
    {
        await using var inside = await KestrelLoopbackServer.StartAsync(context => context.Response.WriteAsync("internal secret"));
        var location = target.Replace("{other}", inside.EndPoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        await using var server = await KestrelLoopbackServer.StartAsync(context => Redirect(context, location));
        using var downloader = Downloader(server.Policy);

        var error = await Assert.ThrowsAsync<DownloadRefusedException>(() => downloader.DownloadToFileAsync(server.Url("/start"), this.folder.File("out")));

        Assert.Equal(host, error.Host);
        Assert.Equal(1, server.Requests);
        Assert.Equal(0, inside.Requests);
        Assert.Empty(Directory.GetFileSystemEntries(this.folder.Path));
    }

    [Fact]
    public async Task DownloadToFileAsync_relative_redirects_up_to_the_cap_are_followed()
    {
        var content = RandomNumberGenerator.GetBytes(1000);
        await using var server = await KestrelLoopbackServer.StartAsync(context =>
        {
            var hop = int.Parse(context.Request.Path.Value!.TrimStart('/'), System.Globalization.CultureInfo.InvariantCulture);
            return hop < 5 ? Redirect(context, (hop + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)) : context.Response.Body.WriteAsync(content).AsTask();
        });
        using var downloader = Downloader(server.Policy);

        var result = await downloader.DownloadToFileAsync(server.Url("/0"), this.folder.File("out"));

        Assert.Equal(server.Url("/5"), result.FinalUri);
        Assert.Equal(content, await File.ReadAllBytesAsync(this.folder.File("out")));
    }

    [Fact]
    public async Task DownloadToFileAsync_more_redirects_than_the_cap_throws_refused()
    {
        await using var server = await KestrelLoopbackServer.StartAsync(context => Redirect(context, $"/again{context.Request.Path.Value}"));
        using var downloader = Downloader(server.Policy);

        var error = await Assert.ThrowsAsync<DownloadRefusedException>(() => downloader.DownloadToFileAsync(server.Url("/x"), this.folder.File("out")));

        Assert.Contains("more than 5 redirects", error.Reason, StringComparison.Ordinal);
        Assert.Equal(6, server.Requests);
    }

    [Fact]
    public async Task DownloadToFileAsync_honest_content_length_over_the_limit_throws_too_large_before_reading_the_body()
    {
        const long claimed = 50L * 1024 * 1024;
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await KestrelLoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentLength = claimed;
            await context.Response.Body.WriteAsync(new byte[64 * 1024]);
            await context.Response.Body.FlushAsync();

            // Send nothing more: a client that read the body would now sit here until its progress timeout (30 s).
            using var registration = context.RequestAborted.Register(() => aborted.TrySetResult());
            await Task.WhenAny(aborted.Task, Task.Delay(TimeSpan.FromSeconds(30)));
        });
        using var downloader = Downloader(server.Policy, o => o.MaxBytes = 1024 * 1024);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<DownloadTooLargeException>(() => downloader.DownloadToFileAsync(server.Url("/big"), this.folder.File("out")));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}: the body was read");
        Assert.Equal(claimed, error.DeclaredBytes);
        Assert.Equal(1024 * 1024, error.MaxBytes);
        await aborted.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Empty(Directory.GetFileSystemEntries(this.folder.Path));
    }

    [Fact]
    public async Task DownloadToFileAsync_chunked_body_over_the_limit_throws_too_large_and_deletes_the_partial_file()
    {
        await using var server = await KestrelLoopbackServer.StartAsync(async context =>
        {
            // No Content-Length: the only way to know the size is to count.
            var chunk = new byte[32 * 1024];
            for (var i = 0; i < 200 && !context.RequestAborted.IsCancellationRequested; i++)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        });
        using var downloader = Downloader(server.Policy);

        var error = await Assert.ThrowsAsync<DownloadTooLargeException>(() =>
            downloader.DownloadToFileAsync(server.Url("/chunked"), this.folder.File("out"), new DownloadLimits(MaxBytes: 1024 * 1024)));

        Assert.Null(error.DeclaredBytes);
        Assert.Empty(Directory.GetFileSystemEntries(this.folder.Path));
    }

    [Fact]
    public async Task DownloadToFileAsync_trickling_server_throws_timed_out_and_deletes_the_partial_file()
    {
        await using var server = await KestrelLoopbackServer.StartAsync(async context =>
        {
            for (var i = 0; i < 300 && !context.RequestAborted.IsCancellationRequested; i++)
            {
                await context.Response.Body.WriteAsync("x"u8.ToArray(), context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(100, context.RequestAborted);
            }
        });
        using var downloader = Downloader(server.Policy, o =>
        {
            o.ProgressTimeout = TimeSpan.FromSeconds(1);
            o.MinProgressBytes = 1024;
        });
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<DownloadTimedOutException>(() => downloader.DownloadToFileAsync(server.Url("/slow"), this.folder.File("out")));

        Assert.Contains("fewer than 1024 bytes arrived within 00:00:01", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Empty(Directory.GetFileSystemEntries(this.folder.Path));
    }

    [Fact]
    public async Task DownloadToFileAsync_steady_but_endless_server_throws_timed_out_at_the_overall_timeout()
    {
        await using var server = await KestrelLoopbackServer.StartAsync(async context =>
        {
            while (!context.RequestAborted.IsCancellationRequested)
            {
                await context.Response.Body.WriteAsync(new byte[4096], context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(50, context.RequestAborted);
            }
        });
        using var downloader = Downloader(server.Policy, o => o.MinProgressBytes = 1024);

        var error = await Assert.ThrowsAsync<DownloadTimedOutException>(() =>
            downloader.DownloadToFileAsync(server.Url("/endless"), this.folder.File("out"), new DownloadLimits(Timeout: TimeSpan.FromSeconds(1))));

        Assert.Contains("took longer than 00:00:01", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(this.folder.Path));
    }

    [Fact]
    public async Task DownloadToFileAsync_server_error_throws_failed_with_the_status()
    {
        await using var server = await KestrelLoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = 404;
            return Task.CompletedTask;
        });
        using var downloader = Downloader(server.Policy);

        var error = await Assert.ThrowsAsync<DownloadFailedException>(() => downloader.DownloadToFileAsync(server.Url("/missing"), this.folder.File("out")));

        Assert.Equal(HttpStatusCode.NotFound, error.Status);
        Assert.Empty(Directory.GetFileSystemEntries(this.folder.Path));
    }

    [Fact]
    public async Task DownloadToFileAsync_good_download_writes_the_exact_bytes_through_a_temporary_name()
    {
        var content = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 17);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await KestrelLoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "video/mp4";
            context.Response.ContentLength = content.Length;
            await context.Response.Body.WriteAsync(content.AsMemory(0, content.Length / 2));
            await context.Response.Body.FlushAsync();
            await release.Task;
            await context.Response.Body.WriteAsync(content.AsMemory(content.Length / 2));
        });
        using var downloader = Downloader(server.Policy);
        var path = this.folder.File("clip.mp4");

        var download = downloader.DownloadToFileAsync(server.Url("/clip.mp4"), path);
        var partial = await WaitForPartialFileAsync(this.folder.Path);
        var existedMidway = File.Exists(path);
        release.SetResult();
        var result = await download;

        Assert.False(existedMidway, "the final name appeared before the download finished");
        Assert.StartsWith("clip.mp4.", Path.GetFileName(partial), StringComparison.Ordinal);
        Assert.Equal(content, await File.ReadAllBytesAsync(path));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), result.Sha256);
        Assert.Equal(content.Length, result.Bytes);
        Assert.Equal("video/mp4", result.ContentType);
        Assert.Equal(server.Url("/clip.mp4"), result.FinalUri);
        Assert.Equal([path], Directory.GetFileSystemEntries(this.folder.Path));
    }

    [Fact]
    public async Task ProbeAsync_follows_redirects_and_reports_the_declared_length()
    {
        await using var server = await KestrelLoopbackServer.StartAsync(context =>
        {
            if (context.Request.Path == "/old")
            {
                return Redirect(context, "/new");
            }

            Assert.Equal("HEAD", context.Request.Method);
            context.Response.ContentType = "audio/mpeg";
            context.Response.ContentLength = 12345;
            return Task.CompletedTask;
        });
        using var downloader = Downloader(server.Policy);

        var probe = await downloader.ProbeAsync(server.Url("/old"));

        Assert.Equal(server.Url("/new"), probe.FinalUri);
        Assert.Equal(12345, probe.Length);
        Assert.Equal("audio/mpeg", probe.ContentType);
    }

    [Fact]
    public async Task DownloadToFileAsync_503_with_retry_after_is_retried_on_the_same_hop_then_succeeds()
    {
        var calls = 0;
        await using var server = await KestrelLoopbackServer.StartAsync(async context =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = "1";
                return;
            }

            await context.Response.WriteAsync("video");
        });
        using var downloader = Downloader(server.Policy, o => o.RetryDelay = TimeSpan.FromMilliseconds(10));
        var clock = Stopwatch.StartNew();

        var result = await downloader.DownloadToFileAsync(server.Url("/clip.mp4"), this.folder.File("clip.mp4"));

        Assert.Equal(5, result.Bytes);
        Assert.Equal(2, server.Requests);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), "Retry-After: 1 was not honoured");
    }

    [Fact]
    public async Task DownloadToFileAsync_a_host_that_keeps_failing_is_not_called_again_while_its_circuit_is_open()
    {
        await using var server = await KestrelLoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
            return Task.CompletedTask;
        });
        using var downloader = Downloader(server.Policy, o => (o.MaxRetries, o.CircuitMinimumThroughput) = (0, 2));
        for (var i = 0; i < 2; i++)
        {
            await Assert.ThrowsAsync<DownloadFailedException>(() => downloader.DownloadToFileAsync(server.Url("/x.mp4"), this.folder.File("x.mp4")));
        }

        var error = await Assert.ThrowsAsync<DownloadFailedException>(() => downloader.DownloadToFileAsync(server.Url("/x.mp4"), this.folder.File("x.mp4")));

        Assert.Contains("failed repeatedly", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.Requests);
        Assert.Empty(Directory.GetFileSystemEntries(this.folder.Path));
    }

    private static SafeDownloader Downloader(Action<DownloadOptions>? configure = null) =>
        Downloader(DestinationPolicy.PublicInternetOnly, configure);

    private static SafeDownloader Downloader(DestinationPolicy policy, Action<DownloadOptions>? configure = null)
    {
        var options = new DownloadOptions();
        configure?.Invoke(options);
        return new SafeDownloader(Options.Create(options), policy);
    }

    private static Task Redirect(HttpContext context, string location)
    {
        context.Response.StatusCode = StatusCodes.Status302Found;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    }

    private static async Task<string> WaitForPartialFileAsync(string folder)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            var part = Directory.GetFiles(folder, "*.part").SingleOrDefault();
            if (part is not null && new FileInfo(part).Length > 0)
            {
                return part;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("no partial file appeared");
    }
}
