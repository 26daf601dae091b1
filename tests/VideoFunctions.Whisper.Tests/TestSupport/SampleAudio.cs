using System.Diagnostics;

namespace VideoFunctions.Whisper.Tests.TestSupport;

/// <summary>Real audio made by festival (speech) and ffmpeg (other formats), in the folder given.</summary>
public static class SampleAudio
{
    /// <summary>festival's voice saying <paramref name="text"/>, as the WAV text2wave writes.</summary>
    public static async Task<string> SpeechAsync(Func<string, string> file, string name, string text)
    {
        var script = file(name + ".txt");
        await System.IO.File.WriteAllTextAsync(script, text);
        var wav = file(name + ".wav");
        await RunAsync("text2wave", "-o", wav, script);
        return wav;
    }

    /// <summary>The same audio re-encoded by ffmpeg with the given output options (another container, rate or codec).</summary>
    public static async Task<string> ConvertAsync(string input, string output, params string[] options)
    {
        await RunAsync("ffmpeg", ["-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-i", input, .. options, output]);
        return output;
    }

    /// <summary>A sine tone of the given length, encoded by the output file's extension.</summary>
    public static async Task<string> ToneAsync(string output, int seconds)
    {
        await RunAsync("ffmpeg", ["-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-f", "lavfi", "-i", $"sine=f=300:d={seconds}", output]);
        return output;
    }

    /// <summary>A video with a test pattern and <paramref name="audio"/> as its sound track.</summary>
    public static async Task<string> VideoAsync(string audio, string output)
    {
        await RunAsync("ffmpeg", ["-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=10", "-i", audio,
            "-shortest", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", output]);
        return output;
    }

    public static async Task<double> DurationAsync(string path)
    {
        var output = await RunAsync("ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "default=nw=1:nk=1", path);
        return double.Parse(output, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<string> RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? await stdout : throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {await stderr}");
    }
}
