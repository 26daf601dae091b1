using Microsoft.Extensions.Options;
using VideoFunctions.Whisper.Audio;
using VideoFunctions.Whisper.Tests.TestSupport;
using VideoPipeline.Tests.TestSupport;

namespace VideoFunctions.Whisper.Tests.Audio;

public sealed class AudioConverterTests : IDisposable
{
    private readonly TempDirectory folder = new();

    [Fact]
    public void Arguments_read_only_local_files_and_write_16_khz_mono_pcm_capped_a_second_past_the_limit()
    {
        var arguments = AudioConverter.Arguments("/work/in/upload", "/work/in/audio.wav", TimeSpan.FromMinutes(90));

        Assert.Equal(
            "-nostdin -hide_banner -loglevel error -protocol_whitelist file -i /work/in/upload -map 0:a:0 -t 5401 -ac 1 -ar 16000 -c:a pcm_s16le -f wav -y /work/in/audio.wav",
            string.Join(' ', arguments));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(31)]
    public async Task ToWhisperWavAsync_reports_the_duration_of_the_converted_audio(int seconds)
    {
        var tone = await SampleAudio.ToneAsync(this.folder.File($"tone-{seconds}.mp3"), seconds);

        var converted = await Converter().ToWhisperWavAsync(tone, this.folder.File($"tone-{seconds}.wav"), CancellationToken.None);

        Assert.Equal(seconds, converted.Duration.TotalSeconds, 0.1);
        Assert.Equal(seconds, await SampleAudio.DurationAsync(converted.Path), 0.1);
    }

    [Fact]
    public async Task ToWhisperWavAsync_a_file_name_with_shell_characters_is_only_a_file_name()
    {
        var tone = await SampleAudio.ToneAsync(this.folder.File("tone.wav"), 2);
        var awkward = this.folder.File("a; rm -rf $(echo x) 'b' \"c\".wav");
        File.Copy(tone, awkward);

        var converted = await Converter().ToWhisperWavAsync(awkward, this.folder.File("out.wav"), CancellationToken.None);

        Assert.Equal(2, converted.Duration.TotalSeconds, 0.1);
    }

    [Fact]
    public async Task ToWhisperWavAsync_a_missing_ffmpeg_is_not_mistaken_for_bad_audio()
    {
        var tone = await SampleAudio.ToneAsync(this.folder.File("tone.wav"), 1);

        await Assert.ThrowsAnyAsync<System.ComponentModel.Win32Exception>(() =>
            Converter(new WhisperServerOptions { FFmpegPath = this.folder.File("no-ffmpeg") }).ToWhisperWavAsync(tone, this.folder.File("out.wav"), CancellationToken.None));
    }

    public void Dispose() => this.folder.Dispose();

    private static AudioConverter Converter(WhisperServerOptions? options = null) => new(Options.Create(options ?? new WhisperServerOptions()));
}
