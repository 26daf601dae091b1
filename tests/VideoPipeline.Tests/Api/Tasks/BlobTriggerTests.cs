using System.Text.Json;
using VideoPipeline.Media.Captions;
using VideoPipeline.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using VideoPipeline.Tests.TestSupport;
using VideoPipeline.Storage.Tasks;
using VideoPipeline.Workflow.Tasks;
using VideoPipeline.Workflow.Tasks.Trigger;

namespace VideoPipeline.Tests.Api.Tasks;

/// <summary>Files dropped into <c>uploads</c> by any storage client are captioned once per version, across restarts.</summary>
public sealed class BlobTriggerTests
{
    [Fact]
    public async Task BlobTrigger_captions_a_dropped_video_into_captioned_with_srt_and_vtt()
    {
        var media = await TaskTestMedia.GetAsync();
        await using var hosts = new TriggerHosts();
        var host = await hosts.StartAsync();

        var taskId = await hosts.DropAsync(host, "clips/morning.mp4", media.SpokenVideo);
        var record = await TriggerHosts.WaitFinishedAsync(host, hosts.Owner, taskId);

        Assert.Equal(TaskRecordStatus.Succeeded, record.Status);
        Assert.Equal(TaskRecordType.Caption, record.Type);
        var blobs = host.Get<BlobServiceClient>();
        var captioned = hosts.Prefix + AssetContainers.Captioned;
        var video = TaskTestMedia.NewPath(".mp4");
        await blobs.DownloadToFileAsync(captioned, "clips/morning.mp4", video);
        var info = await TaskApiFixture.Probe.ProbeAsync(video);
        Assert.True(info.HasVideo && info.HasAudio);
        await using var srt = await blobs.DownloadAsync(captioned, "clips/morning.srt");
        Assert.NotEmpty(SubtitleParser.ParseSrt(await new StreamReader(srt).ReadToEndAsync()));
        await using var vtt = await blobs.DownloadAsync(captioned, "clips/morning.vtt");
        Assert.NotEmpty(SubtitleParser.ParseVtt(await new StreamReader(vtt).ReadToEndAsync()));
    }

    [Fact]
    public async Task BlobTrigger_runs_once_per_blob_version_across_a_restart()
    {
        var media = await TaskTestMedia.GetAsync();
        await using var hosts = new TriggerHosts();
        var first = await hosts.StartAsync();
        var firstRun = await hosts.DropAsync(first, "clip.mp4", media.SpokenVideo);
        Assert.Equal(TaskRecordStatus.Succeeded, (await TriggerHosts.WaitFinishedAsync(first, hosts.Owner, firstRun)).Status);
        var output = await first.Get<BlobServiceClient>().GetPropertiesAsync(hosts.Prefix + AssetContainers.Captioned, "clip.mp4");
        await first.App.StopAsync();

        var second = await hosts.StartAsync();
        await TriggerHosts.WaitForScansAsync(second, 3);
        var afterRestart = await second.Get<ITaskStore>().ListAsync(hosts.Owner);
        var outputAfterRestart = await second.Get<BlobServiceClient>().GetPropertiesAsync(hosts.Prefix + AssetContainers.Captioned, "clip.mp4");

        var secondRun = await hosts.DropAsync(second, "clip.mp4", media.SpokenVideo);
        Assert.Equal(TaskRecordStatus.Succeeded, (await TriggerHosts.WaitFinishedAsync(second, hosts.Owner, secondRun)).Status);
        await TriggerHosts.WaitForScansAsync(second, 3);
        var afterNewVersion = await second.Get<ITaskStore>().ListAsync(hosts.Owner);

        Assert.Equal([firstRun], afterRestart.Items.Select(r => r.Id));
        Assert.Equal(output!.ETag, outputAfterRestart!.ETag);
        Assert.NotEqual(firstRun, secondRun);
        Assert.Equal(new[] { firstRun, secondRun }.Order(), afterNewVersion.Items.Select(r => r.Id).Order());
    }

    [Fact]
    public async Task BlobTrigger_picks_up_a_blob_dropped_while_no_host_was_running()
    {
        var media = await TaskTestMedia.GetAsync();
        await using var hosts = new TriggerHosts();
        var first = await hosts.StartAsync();
        await first.App.StopAsync();
        var taskId = await hosts.DropAsync(first, "while-down.mp4", media.SpokenVideo);

        var second = await hosts.StartAsync();
        var record = await TriggerHosts.WaitFinishedAsync(second, hosts.Owner, taskId);

        Assert.Equal(TaskRecordStatus.Succeeded, record.Status);
    }

    [Fact]
    public async Task BlobTrigger_marks_a_blob_poison_after_five_failed_attempts()
    {
        var media = await TaskTestMedia.GetAsync();
        await using var hosts = new TriggerHosts();
        var host = await hosts.StartAsync();

        var taskId = await hosts.DropAsync(host, "broken.mp4", media.Junk);
        var record = await TriggerHosts.WaitFinishedAsync(host, hosts.Owner, taskId);

        Assert.Equal(TaskRecordStatus.Failed, record.Status);
        Assert.Equal("BLOB_POISONED", record.Error!.Code);
        Assert.StartsWith("gave up after 5 attempts", record.Error.Message, StringComparison.Ordinal);
        var blobs = host.Get<BlobServiceClient>();
        var blob = await blobs.GetPropertiesAsync(hosts.Uploads, "broken.mp4");
        var poison = Assert.Single(await host.Get<QueueServiceClient>().PeekJsonAsync<PoisonMessage>(hosts.Prefix + BlobReceipts.PoisonQueueName));
        Assert.Equal(("broken.mp4", hosts.Uploads, blob!.ETag), (poison!.BlobName, poison.ContainerName, poison.ETag));
        var receipt = await blobs.GetPropertiesAsync(hosts.Prefix + BlobReceipts.ReceiptsContainerName, host.Get<BlobReceipts>().NameFor("broken.mp4", blob.ETag));
        Assert.Equal("poisoned", receipt!.Metadata[BlobReceipts.StatusKey]);
        Assert.Equal("5", receipt.Metadata[BlobReceipts.AttemptsKey]);
    }

    [Fact]
    public async Task BlobTrigger_blob_whose_task_stalls_is_marked_poison_by_the_watchdog()
    {
        // Its media is never imported, so the task makes no progress until the watchdog ends it.
        var media = await TaskTestMedia.GetAsync();
        await using var hosts = new TriggerHosts();
        var host = await hosts.StartAsync(new Dictionary<string, string?>
        {
            ["Api:Watchdog:StageDeadline"] = "00:00:02",
            ["Api:Watchdog:ScanInterval"] = "00:00:00.250",
            [$"DurableTask:ActivityConcurrency:{VideoPipeline.Durable.TaskNames.Of<VideoPipeline.Workflow.Tasks.Activities.ImportMediaActivity>()}"] = "0",
        });

        var taskId = await hosts.DropAsync(host, "stuck.mp4", media.SpokenVideo);
        var record = await TriggerHosts.WaitFinishedAsync(host, hosts.Owner, taskId);

        Assert.Equal("STAGE_TIMEOUT", record.Error?.Code);
        var blobs = host.Get<BlobServiceClient>();
        var blob = await blobs.GetPropertiesAsync(hosts.Uploads, "stuck.mp4");
        var poison = Assert.Single(await host.Get<QueueServiceClient>().PeekJsonAsync<PoisonMessage>(hosts.Prefix + BlobReceipts.PoisonQueueName));
        Assert.Equal(("stuck.mp4", blob!.ETag), (poison!.BlobName, poison.ETag));
        var receipt = await blobs.GetPropertiesAsync(hosts.Prefix + BlobReceipts.ReceiptsContainerName, host.Get<BlobReceipts>().NameFor("stuck.mp4", blob.ETag));
        Assert.Equal("poisoned", receipt!.Metadata[BlobReceipts.StatusKey]);
    }

    [Fact]
    public async Task BlobTrigger_leaves_files_that_are_not_video_alone()
    {
        var media = await TaskTestMedia.GetAsync();
        await using var hosts = new TriggerHosts();
        var host = await hosts.StartAsync();

        await hosts.DropAsync(host, "voice.wav", media.Speech);
        await TriggerHosts.WaitForScansAsync(host, 3);

        Assert.Empty((await host.Get<ITaskStore>().ListAsync(hosts.Owner)).Items);
    }
}
