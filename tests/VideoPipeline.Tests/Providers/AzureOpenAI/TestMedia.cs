using System.Collections.Concurrent;
using System.Globalization;
using VideoPipeline.Tests.TestSupport;

namespace VideoPipeline.Tests.Providers.AzureOpenAI;

/// <summary>
/// Real small media made with ffmpeg for the fake servers to return: MP4 clips (Sora) and sine WAVs
/// (TTS, and input for transcription). Made once per shape per test run, deleted when the run ends.
/// </summary>
internal static class TestMedia
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Made = new();
    private static readonly string Folder = CreateFolder();

    public static Task<string> VideoAsync(int width, int height, int seconds, bool audio) =>
        Make($"clip-{width}x{height}-{seconds}s{(audio ? "-audio" : string.Empty)}.mp4", path =>
        {
            string[] video = ["-f", "lavfi", "-i", $"testsrc2=s={width}x{height}:r=24:d={seconds}"];
            string[] sound = audio ? ["-f", "lavfi", "-i", $"sine=frequency=440:sample_rate=48000:duration={seconds}", "-c:a", "aac", "-b:a", "64k"] : ["-an"];
            return Tool.FFmpegAsync([.. video, .. sound, "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-shortest", path]);
        });

    /// <summary>24 kHz mono 16-bit, as /audio/speech answers with response_format wav.</summary>
    public static Task<string> WavAsync(double seconds) =>
        Make(string.Create(CultureInfo.InvariantCulture, $"sine-{seconds:0.00}s.wav"), path =>
            Tool.FFmpegAsync("-f", "lavfi", "-i", string.Create(CultureInfo.InvariantCulture, $"sine=frequency=220:sample_rate=24000:duration={seconds:0.00}"), "-ac", "1", "-c:a", "pcm_s16le", path));

    private static Task<string> Make(string name, Func<string, Task> make) =>
        Made.GetOrAdd(name, _ => new Lazy<Task<string>>(async () =>
        {
            var path = Path.Combine(Folder, name);
            await make(path);
            return path;
        })).Value;

    private static string CreateFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "vf-tests", $"azure-openai-media-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        };
        return folder;
    }
}
