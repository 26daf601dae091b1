using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace VideoPipeline.Tests.Providers.AzureOpenAI;

internal sealed partial class FakeAzureOpenAIServer
{
    public const string SpeechPath = "/openai/v1/audio/speech";
    public const string TranscriptionsPath = "/openai/v1/audio/transcriptions";

    /// <summary>The fake voice speaks this many words per second at speed 1.</summary>
    public const double WordsPerSecond = 2.5;

    /// <summary>How long the fake voice takes to say <paramref name="text"/> at <paramref name="speed"/>.</summary>
    public static double SpokenSeconds(string text, double speed) =>
        Math.Round(Math.Max(0.5, text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length / WordsPerSecond / speed), 2);

    private void MapAudio()
    {
        this.app.MapPost(SpeechPath, async (HttpContext context) =>
        {
            var body = (await JsonDocument.ParseAsync(context.Request.Body)).RootElement;
            if (body.GetProperty("response_format").GetString() != "wav")
            {
                context.Response.StatusCode = 400;
                await context.Response.WriteAsync(Error("invalid_request_error", "this fake only speaks wav"));
                return;
            }

            var wav = await TestMedia.WavAsync(SpokenSeconds(body.GetProperty("input").GetString()!, Number(body, "speed", 1.0)));
            context.Response.ContentType = "audio/wav";
            await context.Response.SendFileAsync(wav);
        });

        this.app.MapPost(TranscriptionsPath, async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            if (form.Files.GetFile("file") is null || string.IsNullOrEmpty(form["model"]))
            {
                context.Response.StatusCode = 400;
                await context.Response.WriteAsync(Error("invalid_request_error", "file and model are required"));
                return;
            }

            if (form["response_format"] != "verbose_json")
            {
                await context.Response.WriteAsJsonAsync(new { text = "Fresh coffee every morning." });
                return;
            }

            // Whisper's verbose_json as OpenAI documents it (the SDK reads it typed: duration is a number).
            var words = new[] { ("Fresh", 0.10, 0.52), ("coffee", 0.52, 0.98), ("every", 1.10, 1.40), ("morning.", 1.40, 2.05) };
            await context.Response.WriteAsJsonAsync(new
            {
                task = "transcribe",
                language = "english",
                duration = 2.5,
                text = " Fresh coffee every morning.",
                segments = new[] { new { id = 0, seek = 0, start = 0.10, end = 2.05, text = " Fresh coffee every morning.", temperature = 0.0, avg_logprob = -0.2, compression_ratio = 1.1, no_speech_prob = 0.01 } },
                words = form["timestamp_granularities[]"].Contains("word")
                    ? words.Select(w => new { word = w.Item1, start = w.Item2, end = w.Item3 }).ToArray()
                    : [],
            });
        });
    }
}
