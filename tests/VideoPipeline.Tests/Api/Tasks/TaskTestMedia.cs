using VideoPipeline.Tests.TestSupport;

namespace VideoPipeline.Tests.Api.Tasks;

/// <summary>
/// Real media for the task tests, made once per run with festival and ffmpeg: a short video whose audio is
/// spoken English (so recognition has words to caption), a voiceover, a music bed and a file that is not media.
/// </summary>
internal static class TaskTestMedia
{
    public const string Script = "Good morning. Fresh coffee makes every day better. Try it today.";

    private static readonly Lazy<Task<Files>> Made = new(MakeAsync);
    private static readonly string Folder = CreateFolder();

    public static Task<Files> GetAsync() => Made.Value;

    /// <summary>A fresh file name in this run's folder (deleted when the test run ends).</summary>
    public static string NewPath(string extension) => Path.Combine(Folder, $"{Guid.NewGuid():N}{extension}");

    private static async Task<Files> MakeAsync()
    {
        string Path_(string name) => Path.Combine(Folder, name);

        var text = Path_("script.txt");
        await File.WriteAllTextAsync(text, Script);
        var speech = Path_("speech.wav");
        await Tool.RunAsync("text2wave", "-eval", "(voice_cmu_us_slt_arctic_hts)", "-o", speech, text);

        // 640x360 with speech; a second scene in another shape (4:3) with a tone, to exercise fitting.
        var spoken = Path_("spoken.mp4");
        await Tool.FFmpegAsync("-f", "lavfi", "-i", "testsrc2=s=640x360:r=25", "-i", speech, "-af", "apad=pad_dur=0.5",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", spoken);
        var square = Path_("square.mp4");
        await Tool.FFmpegAsync("-f", "lavfi", "-i", "testsrc=s=320x240:r=25:d=2", "-f", "lavfi", "-i", "sine=frequency=330:sample_rate=44100:duration=2",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", square);
        var silent = Path_("silent.mp4");
        await Tool.FFmpegAsync("-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=3", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", silent);
        var music = Path_("music.wav");
        await Tool.FFmpegAsync("-f", "lavfi", "-i", "sine=frequency=110:sample_rate=44100:duration=1.5", "-ac", "2", music);
        var junk = Path_("junk.mp4");
        await File.WriteAllBytesAsync(junk, Enumerable.Range(0, 50_000).Select(i => (byte)(i * 31 % 251)).ToArray());
        var big = Path_("big.mp4");
        await File.WriteAllBytesAsync(big, new byte[3_000_000]);
        return new Files(spoken, square, silent, speech, music, junk, big);
    }

    private static string CreateFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "vf-tests", $"task-media-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: the OS cleans /tmp eventually.
            }
        };
        return folder;
    }

    public sealed record Files(string SpokenVideo, string SquareVideo, string SilentVideo, string Speech, string Music, string Junk, string Big);
}
