using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VideoFunctions.Whisper.Tests.TestSupport;
using VideoPipeline.DependencyInjection;
using VideoPipeline.Domain;
using VideoPipeline.Providers;

namespace VideoFunctions.Whisper.Tests.Api;

/// <summary>
/// The pipeline's own Whisper client (Providers__Transcription=whisper-openai) against the real server: what
/// the client sends, the server takes, and what the server answers, the client reads into a Transcript.
/// </summary>
public sealed class PipelineClientTests(TinyModelServer whisper) : IClassFixture<TinyModelServer>
{
    [Theory]
    [InlineData("en", "small")]
    [InlineData("de", "large")]
    [InlineData("fr-FR", null)]
    public async Task WhisperSpeechToText_reads_the_servers_answer_into_ordered_words(string language, string? modelSize)
    {
        var audio = await SampleAudio.SpeechAsync(whisper.File, "client-" + language, "Captions are timed against the words the server hears, 12 times over.");
        await using var services = this.Services();

        var transcript = await services.GetRequiredService<ISpeechToText>()
            .TranscribeAsync(audio, new TranscriptionOptions { Language = language, ModelSize = modelSize }, CancellationToken.None);

        Assert.Equal(language[..2], transcript.Language);
        Assert.NotEmpty(transcript.Segments);
        Assert.NotEmpty(transcript.Words);
        var duration = await SampleAudio.DurationAsync(audio);
        Assert.All(transcript.Words.Zip(transcript.Words.Skip(1)), pair => Assert.True(pair.Second.Start >= pair.First.End, $"{pair.Second} starts before {pair.First} ends"));
        Assert.All(transcript.Words, w => Assert.True(w.Start <= w.End && w.End <= duration + 0.05, $"{w} is outside 0–{duration} s"));
    }

    private ServiceProvider Services()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Providers:Transcription"] = "whisper-openai",
            ["Whisper:BaseUrls:0"] = whisper.Server.BaseUrl.ToString(),
            ["Whisper:MaxRetries"] = "0",
        }).Build();
        return new ServiceCollection().AddLogging().AddVideoPipeline(configuration).BuildServiceProvider();
    }
}
