using System.CommandLine;
using Microsoft.Extensions.Hosting;
using VideoPipeline.Domain;

namespace VideoPipeline.Host.Cli;

/// <summary>
/// <c>generate --prompt TEXT [--duration 30] [--resolution 1280x720|720x1280|1080x1080] [--style S] [--voice V]
/// [--music FILE] [--script-audio FILE] [--no-captions] [--out out/NAME.mp4]</c>
/// </summary>
public static class GenerateCommand
{
    public static Command Create(Func<IHost> host)
    {
        var prompt = new Option<string>("--prompt") { Description = "What the video is about (at most 4,000 characters)", Required = true };
        var duration = new Option<double>("--duration") { Description = "Length in seconds (0 < d <= 600)", DefaultValueFactory = _ => 30 };
        var resolution = new Option<string>("--resolution") { Description = "1280x720, 720x1280 or 1080x1080", DefaultValueFactory = _ => "1280x720" };
        var style = new Option<string>("--style") { Description = "Visual and musical style, e.g. professional, energetic, calm", DefaultValueFactory = _ => "professional" };
        var voice = new Option<string?>("--voice") { Description = "Festival voice name (default cmu_us_slt_arctic_hts)" };
        var emotion = new Option<string?>("--emotion") { Description = "Voice emotion, e.g. energetic, calm, serious" };
        var speed = new Option<double>("--speed") { Description = "Speech rate multiplier (0.5-2.0)", DefaultValueFactory = _ => 1.0 };
        var music = new Option<string?>("--music") { Description = "Background music file; a chord-progression bed is composed when omitted" };
        var scriptAudio = new Option<string?>("--script-audio") { Description = "Recorded narration; its transcript becomes the script" };
        var overlay = new Option<string[]>("--overlay") { Description = "Text overlay TEXT@SECONDS[+DURATION]; repeatable" };
        var fit = new Option<string>("--fit") { Description = "cover (crop to fill) or contain (letterbox)", DefaultValueFactory = _ => "cover" };
        var wordsPerLine = new Option<int>("--words-per-line") { Description = "Caption words per line", DefaultValueFactory = _ => 3 };
        var noCaptions = new Option<bool>("--no-captions") { Description = "No burned captions and no .srt/.vtt files" };
        var output = new Option<string?>("--out") { Description = "Output video path; .srt, .vtt and .manifest.json are written beside it" };

        var command = new Command("generate", "Generate a narrated, captioned video from a prompt")
        {
            prompt, duration, resolution, style, voice, emotion, speed, music, scriptAudio, overlay, fit, wordsPerLine, noCaptions, output,
        };

        command.SetAction(async (result, cancellationToken) =>
        {
            var raw = new GenerateArguments(
                result.GetValue(prompt) ?? "",
                result.GetValue(duration),
                result.GetValue(resolution) ?? "",
                result.GetValue(style) ?? "",
                result.GetValue(voice),
                result.GetValue(emotion),
                result.GetValue(speed),
                result.GetValue(music),
                result.GetValue(scriptAudio),
                result.GetValue(overlay) ?? [],
                result.GetValue(fit) ?? "",
                result.GetValue(wordsPerLine),
                !result.GetValue(noCaptions),
                result.GetValue(output));
            return await GenerateHandler.RunAsync(host(), raw, cancellationToken);
        });
        return command;
    }
}

/// <summary>The generate verb's options exactly as typed, before validation.</summary>
public sealed record GenerateArguments(
    string Prompt,
    double Duration,
    string Resolution,
    string Style,
    string? Voice,
    string? Emotion,
    double Speed,
    string? Music,
    string? ScriptAudio,
    IReadOnlyList<string> Overlays,
    string Fit,
    int WordsPerLine,
    bool Captions,
    string? Output);

/// <summary>Validated generate input: a request plus local files and where to write.</summary>
public sealed record GenerateInput(VideoRequest Request, string? MusicFile, string? ScriptAudioFile, string OutputPath);
