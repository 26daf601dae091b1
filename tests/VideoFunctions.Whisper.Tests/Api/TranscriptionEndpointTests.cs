using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using VideoFunctions.Whisper.Tests.TestSupport;

namespace VideoFunctions.Whisper.Tests.Api;

/// <summary>
/// POST /v1/audio/transcriptions on the real server process with a tiny random model: the answer has the shape
/// of OpenAI's verbose_json (api-contracts.md §2) and its times are ordered and inside the audio. The model's
/// words are noise: nothing here measures recognition.
/// </summary>
public sealed class TranscriptionEndpointTests(TinyModelServer whisper) : IClassFixture<TinyModelServer>
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromMinutes(2) };

    public static TheoryData<string, string, string?> Speech => new()
    {
        { "numbers", "Fresh coffee every morning: 42 cups, 3.5 dollars, at 7 a.m. on May 1st.", "en" },
        { "names", "Siobhan O'Neill and Zoë Saldaña met Nguyen Van Anh in Reykjavik.", null },
        { "long", string.Join(' ', Enumerable.Repeat("The roaster grinds the beans while the kettle boils and the city wakes up outside the window.", 9)), "en" },
        { "german", "Guten Morgen, frischer Kaffee jeden Tag.", "de" },
        { "japanese", "Ohayou gozaimasu, koohii wo dozo.", "ja" },
    };

    [Theory]
    [MemberData(nameof(Speech))]
    public async Task Transcribe_verbose_json_with_word_and_segment_times_has_the_contract_shape(string name, string text, string? language)
    {
        var audio = await SampleAudio.SpeechAsync(whisper.File, name, text);

        var answer = await this.VerboseJsonAsync(audio, language, "word", "segment");

        Assert.Equal("transcribe", (string?)answer["task"]);
        Assert.Equal(language ?? (string?)answer["language"], (string?)answer["language"]);
        Assert.False(string.IsNullOrEmpty((string?)answer["language"]));
        Assert.Equal(await SampleAudio.DurationAsync(audio), (double)answer["duration"]!, 0.05);
        Assert.IsType<string>((string?)answer["text"]);
        var segments = answer["segments"]!.AsArray();
        Assert.NotEmpty(segments);
        Assert.All(segments, s => Assert.Equal(
            ["id", "seek", "start", "end", "text", "tokens", "temperature", "avg_logprob", "compression_ratio", "no_speech_prob"],
            s!.AsObject().Select(p => p.Key)));
        Assert.Equal(Enumerable.Range(0, segments.Count), segments.Select(s => (int)s!["id"]!));
        var words = answer["words"]!.AsArray();
        Assert.NotEmpty(words);
        Assert.All(words, w => Assert.Equal(["word", "start", "end", "probability"], w!.AsObject().Select(p => p.Key)));
    }

    [Theory]
    [MemberData(nameof(Speech))]
    public async Task Transcribe_word_and_segment_times_never_run_backwards_or_past_the_audio(string name, string text, string? language)
    {
        var audio = await SampleAudio.SpeechAsync(whisper.File, name, text);

        var answer = await this.VerboseJsonAsync(audio, language, "word", "segment");

        var duration = (double)answer["duration"]!;
        AssertOrdered(answer["segments"]!.AsArray(), duration);
        AssertOrdered(answer["words"]!.AsArray(), duration);
    }

    [Fact]
    public async Task Transcribe_words_spell_the_text_in_order()
    {
        var audio = await SampleAudio.SpeechAsync(whisper.File, "order", "One small cup, two large cups and a pot of tea for the table by the window.");

        var answer = await this.VerboseJsonAsync(audio, "en", "word", "segment");

        var words = answer["words"]!.AsArray().Select(w => (string)w!["word"]!).ToList();
        Assert.All(words, w => Assert.False(string.IsNullOrWhiteSpace(w)));
        Assert.Equal(((string)answer["text"]!).Replace(" ", "", StringComparison.Ordinal), string.Concat(words));
    }

    [Theory]
    [InlineData("stereo-44k.wav", "-ar", "44100", "-ac", "2")]
    [InlineData("speech.mp3", "-c:a", "libmp3lame")]
    [InlineData("speech.ogg", "-c:a", "libopus")]
    public async Task Transcribe_other_audio_formats_are_converted_to_16_khz_mono_first(string output, params string[] options)
    {
        var speech = await SampleAudio.SpeechAsync(whisper.File, "formats", "A short line read in several formats.");
        var audio = await SampleAudio.ConvertAsync(speech, whisper.File(output), options);

        var answer = await this.VerboseJsonAsync(audio, "en", "word");

        Assert.Equal(await SampleAudio.DurationAsync(speech), (double)answer["duration"]!, 0.1);
        Assert.NotEmpty(answer["words"]!.AsArray());
    }

    [Fact]
    public async Task Transcribe_a_video_file_uses_its_sound_track()
    {
        var speech = await SampleAudio.SpeechAsync(whisper.File, "video", "The sound track of a short clip.");
        var video = await SampleAudio.VideoAsync(speech, whisper.File("clip.mp4"));

        var answer = await this.VerboseJsonAsync(video, "en", "segment");

        Assert.Equal(await SampleAudio.DurationAsync(speech), (double)answer["duration"]!, 0.15);
    }

    [Fact]
    public async Task Transcribe_only_word_granularity_leaves_out_segments()
    {
        var audio = await SampleAudio.SpeechAsync(whisper.File, "words-only", "Words without segments.");

        var answer = await this.VerboseJsonAsync(audio, "en", "word");

        Assert.Null(answer["segments"]);
        Assert.NotNull(answer["words"]);
    }

    [Fact]
    public async Task Transcribe_without_granularities_has_segments_and_no_words()
    {
        var audio = await SampleAudio.SpeechAsync(whisper.File, "segments-only", "Segments without words.");

        var answer = await this.VerboseJsonAsync(audio, "en");

        Assert.NotNull(answer["segments"]);
        Assert.Null(answer["words"]);
    }

    [Fact]
    public async Task Transcribe_json_format_answers_only_the_text()
    {
        var audio = await SampleAudio.SpeechAsync(whisper.File, "json", "Just the text, please.");
        using var form = Form(audio, ("language", "en"));

        using var response = await Http.PostAsync(whisper.Transcriptions, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(["text"], answer.Select(p => p.Key));
    }

    [Theory]
    [InlineData("response_format", "srt", "'srt' is not served here; use json, verbose_json or text")]
    [InlineData("language", "xx", "'xx' is not an ISO-639-1 code Whisper knows")]
    [InlineData("temperature", "1.5", "must be a number from 0 to 1")]
    [InlineData("timestamp_granularities[]", "sentence", "'sentence' is not word or segment")]
    public async Task Transcribe_a_bad_field_is_a_400_problem_naming_it(string field, string value, string message)
    {
        var audio = await SampleAudio.SpeechAsync(whisper.File, "bad-" + field.Trim('[', ']'), "Never transcribed.");
        using var form = field == "response_format" ? Form(audio, (field, value)) : Form(audio, ("response_format", "verbose_json"), (field, value));

        using var response = await Http.PostAsync(whisper.Transcriptions, form);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field, message);
    }

    [Fact]
    public async Task Transcribe_word_times_with_plain_json_is_a_400_naming_the_granularities()
    {
        var audio = await SampleAudio.SpeechAsync(whisper.File, "word-json", "Never transcribed.");
        using var form = Form(audio, ("timestamp_granularities[]", "word"));

        using var response = await Http.PostAsync(whisper.Transcriptions, form);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "timestamp_granularities[]", "timestamps need response_format=verbose_json");
    }

    [Fact]
    public async Task Transcribe_without_a_file_is_a_400_naming_the_file_field()
    {
        using var form = new MultipartFormDataContent { { new StringContent("verbose_json"), "response_format" } };

        using var response = await Http.PostAsync(whisper.Transcriptions, form);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "file", "an audio file is required (multipart field 'file')");
    }

    [Fact]
    public async Task Transcribe_a_file_without_audio_is_a_400_naming_the_file_field()
    {
        var text = whisper.File("notes.txt");
        await File.WriteAllTextAsync(text, "not audio at all");
        using var form = Form(text);

        using var response = await Http.PostAsync(whisper.Transcriptions, form);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "file", null);
        Assert.StartsWith("file: The file has no readable audio: ", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transcribe_audio_longer_than_the_limit_is_a_413_naming_the_file_field()
    {
        var audio = await SampleAudio.ToneAsync(whisper.File("long-tone.m4a"), seconds: 100);

        using var form = Form(audio);
        using var response = await Http.PostAsync(whisper.Transcriptions, form);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "file", "The audio is longer than the 00:01:30 this server accepts.");
    }

    [Fact]
    public async Task Transcribe_a_body_that_is_not_a_form_is_a_415()
    {
        using var response = await Http.PostAsync(whisper.Transcriptions, new StringContent("""{"file":"x"}""", new MediaTypeHeaderValue("application/json")));

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "body", "expected multipart/form-data");
    }

    private static void AssertOrdered(JsonArray items, double duration)
    {
        var previousEnd = 0.0;
        foreach (var item in items)
        {
            var (start, end) = ((double)item!["start"]!, (double)item["end"]!);
            Assert.True(start >= previousEnd, $"{item.ToJsonString()} starts before the previous one ended at {previousEnd}");
            Assert.True(end >= start, $"{item.ToJsonString()} ends before it starts");
            Assert.True(end <= duration, $"{item.ToJsonString()} ends after the audio ({duration} s)");
            previousEnd = end;
        }
    }

    private static async Task<JsonObject> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string field, string? message)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        var errors = problem["errors"]!.AsObject();
        Assert.Equal([field], errors.Select(e => e.Key));
        if (message is not null)
        {
            Assert.Equal(message, (string?)errors[field]![0]);
        }

        return problem;
    }

    private static MultipartFormDataContent Form(string file, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var content = new StreamContent(File.OpenRead(file));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", Path.GetFileName(file));
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return form;
    }

    private async Task<JsonObject> VerboseJsonAsync(string audio, string? language, params string[] granularities)
    {
        (string, string)[] fields =
        [
            ("model", "Systran/faster-whisper-small"),
            ("response_format", "verbose_json"),
            .. language is null ? Array.Empty<(string, string)>() : [("language", language)],
            .. granularities.Select(g => ("timestamp_granularities[]", g)),
        ];
        using var form = Form(audio, fields);
        using var response = await Http.PostAsync(whisper.Transcriptions, form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }
}
