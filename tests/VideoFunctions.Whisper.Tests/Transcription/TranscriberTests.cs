using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VideoFunctions.Whisper.Model;
using VideoFunctions.Whisper.Tests.TestSupport;
using VideoFunctions.Whisper.Transcription;
using VideoPipeline.Tests.TestSupport;

namespace VideoFunctions.Whisper.Tests.Transcription;

public sealed class TranscriberTests : IDisposable
{
    private readonly TempDirectory folder = new();

    [Theory]
    [InlineData(1, 0)]
    [InlineData(1, 2)]
    [InlineData(2, 3)]
    public void Admit_takes_the_running_and_queued_requests_and_refuses_the_next_until_one_leaves(int concurrent, int queued)
    {
        using var transcriber = this.Transcriber(new WhisperServerOptions { MaxConcurrentTranscriptions = concurrent, MaxQueuedRequests = queued });

        var admitted = Enumerable.Range(0, concurrent + queued).Select(_ => transcriber.Admit()).ToList();

        Assert.All(admitted, Assert.NotNull);
        Assert.Null(transcriber.Admit());
        admitted[0]!.Dispose();
        admitted[0]!.Dispose(); // leaving twice frees one place, not two
        using var next = transcriber.Admit();
        Assert.NotNull(next);
        Assert.Null(transcriber.Admit());
    }

    [Theory]
    [InlineData("en", null)]
    [InlineData("ja", null)]
    [InlineData("xx", "'xx' is not an ISO-639-1 code Whisper knows")]
    public void CheckLanguage_a_multilingual_model_takes_any_language_whisper_knows(string language, string? expected)
    {
        using var transcriber = this.Transcriber(new WhisperServerOptions());

        Assert.Equal(expected, transcriber.CheckLanguage(language));
    }

    [Fact]
    public void CheckLanguage_an_english_only_model_refuses_other_languages()
    {
        using var transcriber = this.Transcriber(new WhisperServerOptions(), new TinyGgmlModel.Dimensions(Vocab: 51864));

        Assert.Equal((null, "this server's model is English-only"), (transcriber.CheckLanguage("en"), transcriber.CheckLanguage("de")));
    }

    public void Dispose() => this.folder.Dispose();

    private Transcriber Transcriber(WhisperServerOptions settings, TinyGgmlModel.Dimensions? dimensions = null)
    {
        settings.ModelPath = this.folder.File($"model-{Guid.NewGuid():N}.bin");
        TinyGgmlModel.Write(settings.ModelPath, 1, dimensions);
        var options = Options.Create(settings);
        return new Transcriber(new WhisperModel(options, NullLogger<WhisperModel>.Instance), options, NullLogger<Transcriber>.Instance);
    }
}
