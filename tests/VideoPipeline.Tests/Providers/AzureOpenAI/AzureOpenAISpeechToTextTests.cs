using VideoPipeline.Domain;
using VideoPipeline.Providers;

namespace VideoPipeline.Tests.Providers.AzureOpenAI;

public sealed class AzureOpenAISpeechToTextTests
{
    [Fact]
    public async Task TranscribeAsync_sends_verbose_json_with_word_and_segment_granularities()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit(server);

        await kit.Transcriber().TranscribeAsync(await TestMedia.WavAsync(2.5), new TranscriptionOptions { Language = "en-US" }, CancellationToken.None);

        var form = server.Requests.Single().Form!;
        Assert.Equal(["verbose_json"], form["response_format"]);
        Assert.Equal(["word", "segment"], form["timestamp_granularities[]"]);
        Assert.Equal(["dep-a"], form["model"]);
        Assert.Equal(["en"], form["language"]);
        Assert.EndsWith(".wav", form["file"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TranscribeAsync_maps_words_and_segments_into_the_transcript()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit(server);

        var transcript = await kit.Transcriber().TranscribeAsync(await TestMedia.WavAsync(2.5), new TranscriptionOptions(), CancellationToken.None);

        Assert.Equal("Fresh coffee every morning.", transcript.Text);
        Assert.Equal("english", transcript.Language);
        Assert.Equal(new TranscriptSegment(0.10, 2.05, "Fresh coffee every morning."), transcript.Segments.Single());
        Assert.Equal(["Fresh", "coffee", "every", "morning."], transcript.Words.Select(w => w.Word));
        Assert.Equal(new TranscriptWord("coffee", 0.52, 0.98), transcript.Words[1]);
    }

    [Fact]
    public async Task TranscribeAsync_records_audio_seconds_from_a_duration_sent_as_a_string()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit(server);
        using var ledger = UsageLedger.Begin();

        await kit.Transcriber().TranscribeAsync(await TestMedia.WavAsync(2.5), new TranscriptionOptions(), CancellationToken.None);

        Assert.Equal(2.5, ledger.Entries.Single().Units["audio_seconds"]);
    }

    [Fact]
    public async Task TranscribeAsync_audio_over_the_upload_limit_is_sent_as_flac()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit(server);
        var audio = await TestMedia.WavAsync(2.5);

        await kit.Transcriber(o => o.MaxUploadBytes = 1000).TranscribeAsync(audio, new TranscriptionOptions(), CancellationToken.None);

        var file = server.Requests.Single().Form!["file"];
        Assert.EndsWith(".flac", file[0], StringComparison.Ordinal);
        Assert.True(long.Parse(file[1], System.Globalization.CultureInfo.InvariantCulture) < new FileInfo(audio).Length);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(audio)!, "*.flac"));
    }
}
