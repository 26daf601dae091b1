using VideoPipeline.Domain;
using VideoPipeline.Providers.Routing;

namespace VideoPipeline.Tests.Providers.Routing;

public sealed class ScenePromptTests
{
    private static readonly Scene Kitchen = new()
    {
        SceneNumber = 1,
        Description = "Wide shot of a morning kitchen, sunlight through the window, steam rising",
        DurationSeconds = 5,
        Entities = [new SceneEntity("person", "center", "pouring_coffee")],
        VisualStyle = new VisualStyle { Lighting = "warm", ColorPalette = "earth_tones" },
    };

    [Fact]
    public void Build_reads_the_shot_entities_and_look_as_sentences()
    {
        var prompt = ScenePrompt.Build(Kitchen, "professional");

        Assert.Equal(
            "Wide shot of a morning kitchen, sunlight through the window, steam rising. person pouring coffee (center). warm lighting, earth tones colour palette, professional style.",
            prompt);
    }

    [Fact]
    public void Simplify_keeps_the_first_clause_and_drops_entities_and_look()
    {
        var simple = ScenePrompt.Simplify(Kitchen);

        Assert.Equal("Wide shot of a morning kitchen. professional style.", ScenePrompt.Build(simple, "professional"));
    }
}
