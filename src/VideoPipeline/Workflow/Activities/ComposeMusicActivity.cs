using Microsoft.Extensions.Options;
using VideoPipeline.Domain;
using VideoPipeline.Media;
using VideoPipeline.Media.Probing;
using VideoPipeline.Providers;
using VideoPipeline.Storage;
using VideoPipeline.Workflow.Contracts;
using Microsoft.DurableTask;
using VideoPipeline.Durable.Activities;

namespace VideoPipeline.Workflow.Activities;

/// <summary>
/// The music bed: the request's own music after checking it really is audio, or a composed loop,
/// content-addressed by mood and composer so every job with the same mood shares one asset.
/// </summary>
[DurableTask("ComposeMusic")]
[ActivityPool(ActivityPools.Media)]
public sealed class ComposeMusicActivity(IAssetStore store, IMusicProvider composer, IMediaProbe probe, IOptions<PipelineOptions> options, ActivityExecution execution)
    : TaskActivity<ComposeMusicInput, MusicResult>
{
    public override async Task<MusicResult> RunAsync(TaskActivityContext context, ComposeMusicInput input)
    {
        using var workspace = MediaWorkspace.Create(options.Value.WorkDirectory, context.Name.Name);
        if (input.UserMusic is { } user)
        {
            var path = await workspace.MaterializeAsync(store, user, execution.CancellationToken);
            var info = await probe.ProbeAsync(path, execution.CancellationToken);
            if (!info.HasAudio || info.DurationSeconds is not > 0)
            {
                throw new PermanentPipelineException(ErrorCodes.UnsupportedMedia, "music_url: the file has no audio stream");
            }

            return new MusicResult(user, info.DurationSeconds.Value, Generated: false, "user-supplied music");
        }

        var key = ContentHash.Of(input.Mood.Trim().ToLowerInvariant(), composer.Name);
        var asset = new AssetRef(AssetContainers.Audio, $"music/{key}.wav");
        var sidecar = new AssetRef(AssetContainers.Audio, $"music/{key}.json");
        if (await store.ReadJsonAsync<MusicResult>(sidecar, execution.CancellationToken) is { } cached)
        {
            return cached;
        }

        var output = workspace.PathFor("music.wav");
        var bed = await composer.ComposeAsync(new MusicRequest(input.DurationSeconds, input.Mood, Seed: 0), output, execution.CancellationToken);
        var result = new MusicResult(asset, bed.DurationSeconds, Generated: true, $"{composer.Name}: {bed.Description}");
        await store.UploadFileAsync(asset, output, ContentTypes.Wav, cancellationToken: execution.CancellationToken);
        await store.WriteJsonAsync(sidecar, result, execution.CancellationToken);
        return result;
    }
}
