using VideoPipeline.Providers;

namespace VideoPipeline.Tests.Providers;

public sealed class ProviderSelectionOptionsTests
{
    [Theory]
    [InlineData(null, "offline")]
    [InlineData(" Azure-OpenAI ", "azure-openai")]
    [InlineData("whisper-cpp", "whisper-cpp")]
    public void Choice_for_transcription_accepts_every_engine(string? value, string expected) =>
        Assert.Equal(expected, ProviderSelectionOptions.Choice(value, nameof(ProviderSelectionOptions.Transcription)));

    [Fact]
    public void Choice_whisper_for_the_planner_is_refused_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ProviderSelectionOptions.Choice("whisper-openai", nameof(ProviderSelectionOptions.Planner)));

        Assert.Contains("Providers:Planner", error.Message, StringComparison.Ordinal);
    }
}
