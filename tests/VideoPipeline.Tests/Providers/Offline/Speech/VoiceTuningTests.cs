using VideoPipeline.Domain;
using VideoPipeline.Providers.Offline.Speech;

namespace VideoPipeline.Tests.Providers.Offline.Speech;

public sealed class VoiceTuningTests
{
    [Fact]
    public void From_seed_uuid_voice_id_is_ignored_and_recorded()
    {
        var tuning = VoiceTuning.From(new VoiceSettings { VoiceId = "3f2b6c1e-9a7d-4c2e-8b1f-2a6d9e0c4b7a" }, "cmu_us_slt_arctic_hts");

        Assert.Equal("cmu_us_slt_arctic_hts", tuning.Voice);
        Assert.Contains(tuning.Ignored, i => i.Contains("voice_id", StringComparison.Ordinal));
    }

    [Fact]
    public void From_festival_voice_name_is_used()
    {
        var tuning = VoiceTuning.From(new VoiceSettings { VoiceId = "kal_diphone" }, "cmu_us_slt_arctic_hts");

        Assert.Equal("kal_diphone", tuning.Voice);
        Assert.Empty(tuning.Ignored);
    }

    [Fact]
    public void From_energetic_emotion_speeds_up_and_raises_pitch()
    {
        var tuning = VoiceTuning.From(new VoiceSettings { Emotion = "energetic" }, "v");

        Assert.True(tuning.Rate > 1.0);
        Assert.True(tuning.PitchSemitones > 0);
        Assert.Contains(tuning.Applied, a => a.StartsWith("emotion=energetic", StringComparison.Ordinal));
    }

    [Fact]
    public void From_unknown_emotion_is_ignored_and_recorded()
    {
        var tuning = VoiceTuning.From(new VoiceSettings { Emotion = "sarcastic" }, "v");

        Assert.Equal(1.0, tuning.Rate);
        Assert.Contains(tuning.Ignored, i => i.Contains("sarcastic", StringComparison.Ordinal));
    }

    [Fact]
    public void From_non_english_language_is_recorded_as_ignored()
    {
        var tuning = VoiceTuning.From(new VoiceSettings { Language = "fr" }, "v");

        Assert.Contains(tuning.Ignored, i => i.Contains("'fr'", StringComparison.Ordinal));
    }

    [Fact]
    public void From_scheme_injection_in_voice_id_never_becomes_the_voice()
    {
        var tuning = VoiceTuning.From(new VoiceSettings { VoiceId = "x)(system \"rm -rf /\")(" }, "safe_voice");

        Assert.Equal("safe_voice", tuning.Voice);
    }

    [Fact]
    public void From_speed_outside_range_is_clamped_and_recorded()
    {
        var tuning = VoiceTuning.From(new VoiceSettings { Speed = 5 }, "v");

        Assert.Equal(2.0, tuning.Rate);
        Assert.NotEmpty(tuning.Ignored);
    }
}
