using VideoPipeline.Media.Audio;
using VideoPipeline.Tests.TestSupport;

namespace VideoPipeline.Tests.Media.Audio;

public sealed class WavFileTests
{
    [Theory]
    [InlineData(16000, 1, "2.5")]
    [InlineData(48000, 2, "1.25")]
    public async Task DurationSeconds_matches_what_ffmpeg_wrote(int rate, int channels, string seconds)
    {
        using var temp = new TempDirectory();
        var wav = temp.File("tone.wav");
        await Tool.FFmpegAsync("-f", "lavfi", "-i", $"sine=f=440:r={rate}:d={seconds}", "-ac", channels.ToString(System.Globalization.CultureInfo.InvariantCulture), "-c:a", "pcm_s16le", wav);

        Assert.Equal(double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture), WavFile.DurationSeconds(wav), 3);
    }

    [Fact]
    public async Task DurationSeconds_not_a_wav_throws_format_exception()
    {
        using var temp = new TempDirectory();
        var file = temp.File("x.wav");
        await File.WriteAllTextAsync(file, "not a riff file at all");

        Assert.Throws<FormatException>(() => WavFile.DurationSeconds(file));
    }
}
