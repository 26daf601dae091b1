using System.Text.Json;
using VideoPipeline.Domain;
using VideoPipeline.Media.Audio;
using VideoPipeline.Providers;

namespace VideoPipeline.Tests.Providers.AzureOpenAI;

public sealed class AzureOpenAISpeechSynthesizerTests
{
    // Ten words: four seconds at the fake voice's pace.
    private const string TenWords = "Fresh coffee every morning makes the whole day feel bright.";

    [Fact]
    public async Task SynthesizeAsync_sends_voice_speed_wav_format_and_emotion_as_instructions()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit(server);
        var voice = new VoiceSettings { VoiceId = "nova", Emotion = "energetic", Speed = 1.1 };

        await kit.Speech().SynthesizeAsync(new SpeechRequest { Text = TenWords, Voice = voice }, kit.Temp.File("voice.wav"), CancellationToken.None);

        var body = server.Requests.Single().Json;
        Assert.Equal("dep-a", body.GetProperty("model").GetString());
        Assert.Equal("nova", body.GetProperty("voice").GetString());
        Assert.Equal(1.1, body.GetProperty("speed").GetDouble(), 6);
        Assert.Equal("wav", body.GetProperty("response_format").GetString());
        Assert.Contains("energetic", body.GetProperty("instructions").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SynthesizeAsync_writes_the_returned_wav_and_reports_its_duration()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit(server);
        var output = kit.Temp.File("voice.wav");

        var result = await kit.Speech().SynthesizeAsync(new SpeechRequest { Text = TenWords }, output, CancellationToken.None);

        Assert.Equal(4.0, result.DurationSeconds, 2);
        Assert.Equal(4.0, WavFile.DurationSeconds(output), 2);
        Assert.Equal("alloy", result.Voice);
    }

    [Fact]
    public async Task SynthesizeAsync_unknown_voice_id_uses_the_default_voice_and_reports_it_ignored()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit(server);
        var voice = new VoiceSettings { VoiceId = "3f2c-uuid-from-elsewhere" };

        var result = await kit.Speech().SynthesizeAsync(new SpeechRequest { Text = TenWords, Voice = voice }, kit.Temp.File("voice.wav"), CancellationToken.None);

        Assert.Equal("alloy", server.Requests.Single().Json.GetProperty("voice").GetString());
        Assert.Contains(result.Ignored, i => i.Contains("3f2c-uuid-from-elsewhere", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SynthesizeAsync_custom_voice_id_is_sent_as_a_voice_object()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit(server);
        var voice = new VoiceSettings { VoiceId = "voice_brand123" };

        await kit.Speech().SynthesizeAsync(new SpeechRequest { Text = TenWords, Voice = voice }, kit.Temp.File("voice.wav"), CancellationToken.None);

        var sent = server.Requests.Single().Json.GetProperty("voice");
        Assert.Equal(JsonValueKind.Object, sent.ValueKind);
        Assert.Equal("voice_brand123", sent.GetProperty("id").GetString());
    }

    [Fact]
    public async Task SynthesizeAsync_without_instruction_support_reports_the_emotion_ignored()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit(server);
        var voice = new VoiceSettings { Emotion = "calm" };

        var result = await kit.Speech(o => o.SupportsInstructions = false)
            .SynthesizeAsync(new SpeechRequest { Text = TenWords, Voice = voice }, kit.Temp.File("voice.wav"), CancellationToken.None);

        Assert.False(server.Requests.Single().Json.TryGetProperty("instructions", out _));
        Assert.Contains(result.Ignored, i => i.StartsWith("emotion=calm", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SynthesizeAsync_long_narration_is_split_at_sentence_boundaries_and_joined()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit(server);
        const string text = "Mornings start slowly here. The kettle hums a soft tune. Fresh beans wait on the counter. One cup changes everything today.";
        var output = kit.Temp.File("voice.wav");

        var result = await kit.Speech(o => o.MaxChunkCharacters = 60).SynthesizeAsync(new SpeechRequest { Text = text }, output, CancellationToken.None);

        var inputs = server.Requests.Select(r => r.Json.GetProperty("input").GetString()!).ToList();
        Assert.True(inputs.Count > 1, "the narration was not split");
        Assert.All(inputs, i => Assert.EndsWith(".", i, StringComparison.Ordinal));
        Assert.Equal(text, string.Join(' ', inputs));
        Assert.Equal(inputs.Sum(i => FakeAzureOpenAIServer.SpokenSeconds(i, 1.0)), WavFile.DurationSeconds(output), 1);
        Assert.Equal(WavFile.DurationSeconds(output), result.DurationSeconds, 6);
    }

    [Fact]
    public async Task SynthesizeAsync_too_long_for_its_scene_asks_again_at_a_faster_speed()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit(server);

        var result = await kit.Speech().SynthesizeAsync(new SpeechRequest { Text = TenWords, MaxDurationSeconds = 3.5 }, kit.Temp.File("voice.wav"), CancellationToken.None);

        Assert.Equal(2, server.Requests.Count);
        Assert.True(server.Requests[1].Json.GetProperty("speed").GetDouble() > 1.1);
        Assert.True(result.DurationSeconds <= 3.5, $"{result.DurationSeconds} s does not fit 3.5 s");
        Assert.Contains(result.Applied, a => a.StartsWith("sped up", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SynthesizeAsync_still_too_long_at_the_fastest_fit_speed_is_time_stretched()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit(server);
        var output = kit.Temp.File("voice.wav");

        var result = await kit.Speech().SynthesizeAsync(new SpeechRequest { Text = TenWords, MaxDurationSeconds = 2.0 }, output, CancellationToken.None);

        Assert.Equal(1.35, server.Requests[1].Json.GetProperty("speed").GetDouble(), 3);
        Assert.True(WavFile.DurationSeconds(output) <= 2.0, $"{WavFile.DurationSeconds(output)} s does not fit 2 s");
        Assert.Contains(result.Applied, a => a.StartsWith("time-stretched", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SynthesizeAsync_records_characters_and_audio_seconds_per_request()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit(server);
        using var ledger = UsageLedger.Begin();

        await kit.Speech().SynthesizeAsync(new SpeechRequest { Text = TenWords }, kit.Temp.File("voice.wav"), CancellationToken.None);

        var usage = ledger.Entries.Single();
        Assert.Equal("audio.speech", usage.Operation);
        Assert.Equal(TenWords.Length, usage.Units["characters"]);
        Assert.Equal(4.0, usage.Units["audio_seconds"], 2);
    }
}
