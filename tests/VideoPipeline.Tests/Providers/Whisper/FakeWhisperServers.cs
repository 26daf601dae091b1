using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using VideoPipeline.Tests.TestSupport;

namespace VideoPipeline.Tests.Providers.Whisper;

/// <summary>
/// Both Whisper servers' contracts (api-contracts.md §4) on one loopback server: speaches'
/// <c>POST /v1/audio/transcriptions</c> (OpenAI verbose_json with top-level words; 404 for a model it
/// has not installed) and whisper.cpp's <c>POST /inference</c> (per-segment token "words"; WAV only,
/// errors as <c>{"error"}</c> with status 200). Both transcribe the same 2.4 s narration.
/// </summary>
internal sealed class FakeWhisperServers : IAsyncDisposable
{
    public const string SpeachesAnswer = """
        {
          "task": "transcribe", "language": "en", "duration": 2.4, "text": " Fresh coffee, every morning.",
          "segments": [
            { "id": 0, "seek": 0, "start": 0.0, "end": 2.2, "text": " Fresh coffee, every morning.",
              "tokens": [50364, 17604, 4982, 11, 633, 2446, 13, 50474], "temperature": 0.0,
              "avg_logprob": -0.21, "compression_ratio": 0.82, "no_speech_prob": 0.01 }
          ],
          "words": [
            { "start": 0.0, "end": 0.42, "word": " Fresh", "probability": 0.91 },
            { "start": 0.42, "end": 0.96, "word": " coffee,", "probability": 0.87 },
            { "start": 1.1, "end": 1.44, "word": " every", "probability": 0.95 },
            { "start": 1.44, "end": 2.2, "word": " morning.", "probability": 0.8 }
          ]
        }
        """;

    public const string WhisperCppAnswer = """
        {
          "task": "transcribe", "language": "english", "duration": 2.4, "text": " Fresh coffee, every morning.",
          "segments": [
            { "id": 0, "text": " Fresh coffee, every morning.", "start": 0.0, "end": 2.2,
              "tokens": [17604, 4982, 11, 633, 2446, 13],
              "words": [
                { "word": " Fresh", "start": 0.0, "end": 0.42, "t_dtw": -1, "probability": 0.91 },
                { "word": " coff", "start": 0.42, "end": 0.7, "t_dtw": -1, "probability": 0.93 },
                { "word": "ee", "start": 0.7, "end": 0.9, "t_dtw": -1, "probability": 0.87 },
                { "word": ",", "start": 0.9, "end": 0.96, "t_dtw": -1, "probability": 0.99 },
                { "word": " every", "start": 1.1, "end": 1.44, "t_dtw": -1, "probability": 0.95 },
                { "word": " morning", "start": 1.44, "end": 2.1, "t_dtw": -1, "probability": 0.8 },
                { "word": ".", "start": 2.1, "end": 2.2, "t_dtw": -1, "probability": 0.97 }
              ],
              "temperature": 0.0, "avg_logprob": -0.2 }
          ]
        }
        """;

    private readonly List<IReadOnlyDictionary<string, string[]>> forms = [];

    private FakeWhisperServers()
    {
    }

    public ContractServer Server { get; private set; } = null!;

    public Uri BaseUrl => this.Server.BaseUrl;

    public HashSet<string> InstalledModels { get; } = ["Systran/faster-whisper-small", "Systran/faster-whisper-large-v3"];

    /// <summary>Form fields of each transcription request; the file field reads "name|content type|WAV sample rate".</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string[]>> Forms
    {
        get
        {
            lock (this.forms)
            {
                return [.. this.forms];
            }
        }
    }

    public static async Task<FakeWhisperServers> StartAsync()
    {
        var fake = new FakeWhisperServers();
        fake.Server = await ContractServer.StartAsync(fake.Map);
        return fake;
    }

    public ValueTask DisposeAsync() => this.Server.DisposeAsync();

    private void Map(WebApplication app)
    {
        app.MapPost("/v1/audio/transcriptions", async (HttpContext context) =>
        {
            var (form, _) = await this.ReadFormAsync(context);
            if (!form.TryGetValue("file", out _))
            {
                return Results.Json(new JsonObject { ["detail"] = "file: Field required" }, statusCode: 422);
            }

            var model = form.GetValueOrDefault("model")?[0] ?? "Systran/faster-whisper-small";
            if (!this.InstalledModels.Contains(model))
            {
                return Results.Json(
                    new JsonObject { ["detail"] = $"Model '{model}' is not installed locally. You can download the model using `POST /v1/models`" },
                    statusCode: 404);
            }

            // Only verbose_json with the word granularity carries words.
            var verbose = form.GetValueOrDefault("response_format")?[0] == "verbose_json";
            var words = form.GetValueOrDefault("timestamp_granularities[]")?.Contains("word") == true;
            var answer = JsonNode.Parse(SpeachesAnswer)!.AsObject();
            if (!words)
            {
                answer.Remove("words");
            }

            return verbose ? Results.Text(answer.ToJsonString(), "application/json") : Results.Json(new JsonObject { ["text"] = answer["text"]!.DeepClone() });
        });
        app.MapPost("/inference", async (HttpContext context) =>
        {
            var (_, sampleRate) = await this.ReadFormAsync(context);
            return sampleRate == 16000
                ? Results.Text(WhisperCppAnswer, "application/json")
                : Results.Json(new JsonObject { ["error"] = "failed to read WAV file" });
        });
    }

    private async Task<(Dictionary<string, string[]> Form, int? SampleRate)> ReadFormAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var fields = form.ToDictionary(f => f.Key, f => f.Value.Select(v => v ?? "").ToArray());
        int? sampleRate = null;
        if (form.Files.GetFile("file") is { } file)
        {
            var head = new byte[28];
            await using var stream = file.OpenReadStream();
            var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false);

            // RIFF....WAVEfmt : the sample rate is the little-endian int at byte 24.
            var isWav = read == head.Length && head.AsSpan(0, 4).SequenceEqual("RIFF"u8) && head.AsSpan(8, 4).SequenceEqual("WAVE"u8);
            sampleRate = isWav ? BitConverter.ToInt32(head, 24) : null;
            fields["file"] = [$"{file.FileName}|{file.ContentType}|{sampleRate}"];
        }

        lock (this.forms)
        {
            this.forms.Add(fields);
        }

        return (fields, sampleRate);
    }
}
