using VideoPipeline.Domain;
using VideoPipeline.Providers;
using VideoPipeline.Tests.TestSupport;

namespace VideoPipeline.Tests.Providers.Offline.Speech;

public sealed class FestivalSpeechSynthesizerTests : IDisposable
{
    private readonly TestServices services = new();

    [Fact]
    public async Task SynthesizeAsync_writes_audible_speech()
    {
        using var temp = new TempDirectory();
        var output = temp.File("voice.wav");

        var result = await this.services.Get<ISpeechSynthesizer>().SynthesizeAsync(
            new SpeechRequest { Text = "Start your morning with a fresh cup of coffee." }, output, CancellationToken.None);

        Assert.InRange(result.DurationSeconds, 1.5, 6);
        Assert.True(await AudioMeter.MeanVolumeAsync(output) > -35);
    }

    [Fact]
    public async Task SynthesizeAsync_long_text_is_fitted_into_max_duration()
    {
        using var temp = new TempDirectory();
        var output = temp.File("voice.wav");
        var text = "This sentence is much too long to be spoken at a natural pace in the very short time the scene allows for it.";

        var result = await this.services.Get<ISpeechSynthesizer>().SynthesizeAsync(
            new SpeechRequest { Text = text, MaxDurationSeconds = 4 }, output, CancellationToken.None);

        Assert.True(result.DurationSeconds <= 4.0, $"{result.DurationSeconds} s");
        Assert.Contains(result.Applied, a => a.Contains("fit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SynthesizeAsync_markdown_and_emoji_only_text_is_rejected_as_unspeakable()
    {
        using var temp = new TempDirectory();

        var error = await Assert.ThrowsAsync<PermanentPipelineException>(() => this.services.Get<ISpeechSynthesizer>().SynthesizeAsync(
            new SpeechRequest { Text = "--- ☕🎉 ***" }, temp.File("x.wav"), CancellationToken.None));

        Assert.Equal(ErrorCodes.InvalidInput, error.Code);
    }

    public void Dispose() => this.services.Dispose();
}
