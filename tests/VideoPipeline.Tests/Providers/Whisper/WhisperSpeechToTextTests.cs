using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VideoPipeline.DependencyInjection;
using VideoPipeline.Domain;
using VideoPipeline.Media.FFmpeg;
using VideoPipeline.Providers;
using VideoPipeline.Providers.Http;
using VideoPipeline.Providers.Offline.Speech;
using VideoPipeline.Providers.Whisper;
using VideoPipeline.Tests.Storage;
using VideoPipeline.Tests.TestSupport;

namespace VideoPipeline.Tests.Providers.Whisper;

/// <summary>Both Whisper container clients against loopback servers speaking their contracts.</summary>
public sealed class WhisperSpeechToTextTests(WhisperAudioFixture audio) : IClassFixture<WhisperAudioFixture>, IAsyncLifetime
{
    private static readonly TranscriptionOptions English = new() { Language = "en" };

    private FakeWhisperServers whisper = null!;

    public async Task InitializeAsync() => this.whisper = await FakeWhisperServers.StartAsync();

    public async Task DisposeAsync() => await this.whisper.DisposeAsync();

    [Fact]
    public async Task TranscribeAsync_openai_compatible_asks_for_verbose_json_with_word_times()
    {
        await using var services = Services("whisper-openai", [this.whisper.BaseUrl]);

        await services.GetRequiredService<ISpeechToText>().TranscribeAsync(audio.Narration, English, default);

        var form = Assert.Single(this.whisper.Forms);
        Assert.Equal(["verbose_json"], form["response_format"]);
        Assert.Equal(["word", "segment"], form["timestamp_granularities[]"]);
        Assert.Equal(["en"], form["language"]);
        Assert.StartsWith("narration.wav|audio/wav|", form["file"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TranscribeAsync_both_server_shapes_normalize_to_the_same_transcript()
    {
        await using var openAI = Services("whisper-openai", [this.whisper.BaseUrl]);
        await using var cpp = Services("whisper-cpp", [this.whisper.BaseUrl]);

        var fromSpeaches = await openAI.GetRequiredService<ISpeechToText>().TranscribeAsync(audio.Narration, English, default);
        var fromWhisperCpp = await cpp.GetRequiredService<ISpeechToText>().TranscribeAsync(audio.Narration, English, default);

        TranscriptWord[] words =
        [
            new("Fresh", 0.0, 0.42, 0.91), new("coffee,", 0.42, 0.96, 0.87), new("every", 1.1, 1.44, 0.95), new("morning.", 1.44, 2.2, 0.8),
        ];
        foreach (var transcript in new[] { fromSpeaches, fromWhisperCpp })
        {
            Assert.Equal(("Fresh coffee, every morning.", "en"), (transcript.Text, transcript.Language));
            Assert.Equal([new TranscriptSegment(0.0, 2.2, "Fresh coffee, every morning.")], transcript.Segments);
            Assert.Equal(words, transcript.Words);
        }
    }

    [Fact]
    public async Task TranscribeAsync_whisper_cpp_uploads_16_khz_wav_and_no_model()
    {
        await using var services = Services("whisper-cpp", [this.whisper.BaseUrl]);

        await services.GetRequiredService<ISpeechToText>().TranscribeAsync(audio.Narration, English, default);

        var form = Assert.Single(this.whisper.Forms);
        Assert.EndsWith("|16000", form["file"][0], StringComparison.Ordinal);
        Assert.False(form.ContainsKey("model"));
        Assert.Equal(["verbose_json"], form["response_format"]);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(audio.Narration)!));
    }

    [Fact]
    public async Task TranscribeAsync_model_size_large_asks_for_the_mapped_model()
    {
        await using var services = Services("whisper-openai", [this.whisper.BaseUrl]);

        await services.GetRequiredService<ISpeechToText>().TranscribeAsync(audio.Narration, English with { ModelSize = "large" }, default);

        Assert.Equal(["Systran/faster-whisper-large-v3"], Assert.Single(this.whisper.Forms)["model"]);
    }

    [Fact]
    public async Task TranscribeAsync_model_the_server_has_not_installed_is_permanent_with_its_message()
    {
        await using var services = Services("whisper-openai", [this.whisper.BaseUrl]);

        var error = await Assert.ThrowsAsync<PermanentPipelineException>(() =>
            services.GetRequiredService<ISpeechToText>().TranscribeAsync(audio.Narration, English with { ModelSize = "tiny" }, default));

        Assert.Equal(ProviderErrorCodes.Refused, error.Code);
        Assert.Contains("404", error.Message);
        Assert.Contains("Model 'Systran/faster-whisper-tiny' is not installed locally", error.Message);
    }

    [Fact]
    public async Task TranscribeAsync_whisper_cpp_error_with_status_200_is_permanent()
    {
        await using var services = Services("whisper-cpp", [this.whisper.BaseUrl], new Dictionary<string, string?> { ["Whisper:ConvertToWav"] = "false" });

        var error = await Assert.ThrowsAsync<PermanentPipelineException>(() =>
            services.GetRequiredService<ISpeechToText>().TranscribeAsync(audio.Compressed, English, default));

        Assert.Contains("failed to read WAV file", error.Message);
    }

    [Fact]
    public async Task TranscribeAsync_first_server_still_answering_500_after_its_retry_fails_over_to_the_second()
    {
        await using var broken = await FakeWhisperServers.StartAsync();
        broken.Server.AnswerNext("POST", "/v1/audio/transcriptions", 500, "CUDA error: out of memory", times: 10);
        await using var services = Services("whisper-openai", [broken.BaseUrl, this.whisper.BaseUrl]);

        var transcript = await services.GetRequiredService<ISpeechToText>().TranscribeAsync(audio.Narration, English, default);

        // Whisper:MaxRetries is 1: one attempt and one retry on the broken server, then the next server.
        Assert.Equal(4, transcript.Words.Count);
        Assert.Equal(2, broken.Server.To("POST", "/v1/audio/transcriptions").Count());
        Assert.Single(this.whisper.Forms);
    }

    [Fact]
    public async Task TranscribeAsync_every_server_unreachable_throws_transient()
    {
        await using var services = Services("whisper-openai", [new Uri($"http://127.0.0.1:{LoopbackHttpServer.FreePort()}/")]);

        await Assert.ThrowsAsync<TransientPipelineException>(() =>
            services.GetRequiredService<ISpeechToText>().TranscribeAsync(audio.Narration, English, default));
    }

    [Fact]
    public async Task TranscribeAsync_malformed_json_throws_a_clear_error_naming_the_operation()
    {
        this.whisper.Server.AnswerNext("POST", "/v1/audio/transcriptions", 200, """{"text": "Fresh coffee", "segments": [{"start": 0""");
        await using var services = Services("whisper-openai", [this.whisper.BaseUrl]);

        var error = await Assert.ThrowsAsync<PermanentPipelineException>(() =>
            services.GetRequiredService<ISpeechToText>().TranscribeAsync(audio.Narration, English, default));

        Assert.Equal(ProviderErrorCodes.BadResponse, error.Code);
        Assert.Contains("Whisper POST /v1/audio/transcriptions answered outside its contract", error.Message);
    }

    [Fact]
    public async Task TranscribeAsync_records_audio_seconds_and_the_configured_price()
    {
        await using var services = Services("whisper-cpp", [this.whisper.BaseUrl]);
        using var ledger = UsageLedger.Begin();

        await services.GetRequiredService<ISpeechToText>().TranscribeAsync(audio.Narration, English, default);

        var usage = Assert.Single(ledger.Entries);
        Assert.Equal(("whisper-cpp", "transcribe", 2.4), (usage.Provider, usage.Operation, usage.Units["audio_seconds"]));
        Assert.Equal(decimal.Round((decimal)usage.Units["gpu_seconds"] * 0.001m, 6), usage.EstimatedCost);
    }

    [Theory]
    [InlineData("offline", typeof(PocketSphinxSpeechToText))]
    [InlineData("whisper-openai", typeof(WhisperSpeechToText))]
    [InlineData("whisper-cpp", typeof(WhisperSpeechToText))]
    public async Task AddWhisperProviders_transcription_setting_selects_the_engine(string setting, Type expected)
    {
        await using var services = Services(setting, [this.whisper.BaseUrl]);

        Assert.IsType(expected, services.GetRequiredService<ISpeechToText>());
    }

    private static ServiceProvider Services(string transcription, IEnumerable<Uri> servers, IDictionary<string, string?>? settings = null)
    {
        var configuration = ContractServer.Settings("Whisper", servers, new Dictionary<string, string?>
        {
            ["Providers:Transcription"] = transcription,
            ["Whisper:RetryDelay"] = "00:00:00.05",
            ["Whisper:MaxRetries"] = "1",
            ["ProviderPricing:Prices:0:Provider"] = "whisper-cpp",
            ["ProviderPricing:Prices:0:Unit"] = "gpu_seconds",
            ["ProviderPricing:Prices:0:Price"] = "0.001",
        }, settings);
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton(Options.Create(new FFmpegOptions()));
        services.AddSingleton<IFFmpegRunner, FFmpegRunner>();
        services.AddOfflineProviders(configuration);
        services.AddWhisperProviders(configuration);
        return services.BuildServiceProvider();
    }
}

/// <summary>2.4 s of real audio: a 44.1 kHz stereo WAV (what festival-like narration looks like before conversion) and an MP3.</summary>
public sealed class WhisperAudioFixture : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory folder = new();
    private readonly TempDirectory compressed = new();

    public string Narration => this.folder.File("narration.wav");

    public string Compressed => this.compressed.File("narration.mp3");

    public async Task InitializeAsync()
    {
        await Tool.FFmpegAsync("-f", "lavfi", "-i", "sine=f=440:d=2.4", "-ar", "44100", "-ac", "2", "-c:a", "pcm_s16le", this.Narration);
        await Tool.FFmpegAsync("-f", "lavfi", "-i", "sine=f=440:d=2.4", "-c:a", "libmp3lame", this.Compressed);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        this.folder.Dispose();
        this.compressed.Dispose();
    }
}
