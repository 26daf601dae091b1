using Microsoft.Extensions.Options;
using VideoPipeline.Media.FFmpeg;
using VideoPipeline.Media.Probing;
using VideoPipeline.Providers;
using VideoPipeline.Providers.Offline.Music;
using VideoPipeline.Tests.TestSupport;

namespace VideoPipeline.Tests.Providers.Offline.Music;

public sealed class ChordProgressionMusicProviderTests : IDisposable
{
    private readonly TestServices services = new();

    [Fact]
    public async Task ComposeAsync_writes_one_audible_stereo_loop()
    {
        using var temp = new TempDirectory();
        var output = temp.File("bed.wav");

        var bed = await this.services.Get<IMusicProvider>().ComposeAsync(new MusicRequest(30, "professional", 0), output, CancellationToken.None);

        var info = await new FFprobeMediaProbe(new FFMpegCoreOptions(Options.Create(new FFmpegOptions()))).ProbeAsync(output);
        Assert.Equal(2, info.Audio!.Channels);
        Assert.Equal(bed.DurationSeconds, info.DurationSeconds!.Value, 2);
        Assert.InRange(await AudioMeter.MeanVolumeAsync(output), -40, -10);
    }

    [Theory]
    [InlineData("energetic", 1.5)]
    [InlineData("calm", 2.5)]
    [InlineData("anything else", 2.0)]
    public void ForMood_picks_tempo_by_mood(string mood, double secondsPerChord)
    {
        Assert.Equal(secondsPerChord, ChordProgression.ForMood(mood).SecondsPerChord);
    }

    [Fact]
    public void ToExpression_is_periodic_in_the_loop_length()
    {
        var progression = ChordProgression.ForMood("professional");

        Assert.Contains("mod(t,8)", progression.ToExpression(), StringComparison.Ordinal);
        Assert.Equal(8, progression.LoopSeconds);
    }

    public void Dispose() => this.services.Dispose();
}
