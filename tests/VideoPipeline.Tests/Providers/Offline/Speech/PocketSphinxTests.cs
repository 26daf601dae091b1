using VideoPipeline.Media.Captions;
using VideoPipeline.Providers;
using VideoPipeline.Providers.Offline.Speech;
using VideoPipeline.Tests.TestSupport;

namespace VideoPipeline.Tests.Providers.Offline.Speech;

public sealed class PocketSphinxTests : IDisposable
{
    private readonly TestServices services = new();

    [Fact]
    public void Parse_word_lines_with_times_drop_fillers_and_variants()
    {
        var transcript = PocketSphinxOutputParser.Parse("""
            start their mining with
            <s> 0.090 0.170 0.999700
            start 0.180 0.550 0.933879
            <sil> 0.560 0.600 0.99
            around(2) 0.610 0.710 0.184982
            [NOISE] 0.720 0.800 0.5
            mining 0.810 1.100 0.186898
            </s> 1.110 1.200 1.000000
            coffee 3.000 3.500 0.9
            """);

        Assert.Equal(["start", "around", "mining", "coffee"], transcript.Words.Select(w => w.Word));
        Assert.Equal(0.61, transcript.Words[1].Start);
        Assert.Equal(2, transcript.Segments.Count);
        Assert.Equal("start around mining coffee", transcript.Text);
    }

    [Fact]
    public async Task TranscribeAsync_festival_speech_is_recognized_with_ordered_word_times()
    {
        using var temp = new TempDirectory();
        const string Text = "Start your morning with a fresh cup of coffee. The kitchen fills with warm light as the sun comes up.";
        var voice = await this.services.Get<ISpeechSynthesizer>().SynthesizeAsync(new SpeechRequest { Text = Text }, temp.File("v.wav"), CancellationToken.None);

        var transcript = await this.services.Get<ISpeechToText>().TranscribeAsync(temp.File("v.wav"), new TranscriptionOptions(), CancellationToken.None);

        Assert.True(WordErrorRate.Compute(Text, transcript.Text) <= 0.35, transcript.Text);
        Assert.Equal(transcript.Words.OrderBy(w => w.Start).Select(w => w.Start), transcript.Words.Select(w => w.Start));
        Assert.All(transcript.Words, w => Assert.InRange(w.End, w.Start, voice.DurationSeconds + 0.1));
    }

    [Fact]
    public async Task TranscribeAsync_non_english_is_a_permanent_error()
    {
        await Assert.ThrowsAsync<VideoPipeline.Domain.PermanentPipelineException>(() =>
            this.services.Get<ISpeechToText>().TranscribeAsync("/dev/null", new TranscriptionOptions { Language = "de" }, CancellationToken.None));
    }

    public void Dispose() => this.services.Dispose();
}
