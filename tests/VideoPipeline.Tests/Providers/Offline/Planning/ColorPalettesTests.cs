using System.Globalization;
using VideoPipeline.Providers.Offline;

namespace VideoPipeline.Tests.Providers.Offline.Planning;

/// <summary>Lives with the planning tests because the planner is what names palettes.</summary>
public sealed class ColorPalettesTests
{
    public static TheoryData<string> Names() => [.. ColorPalettes.Names];

    [Theory]
    [MemberData(nameof(Names))]
    public void Resolve_knownName_givesThreeOrFourFfmpegHexColours(string name)
    {
        var colours = ColorPalettes.Resolve(name);

        Assert.InRange(colours.Count, 3, 4);
        Assert.All(colours, c => Assert.Matches("^0x[0-9a-f]{6}$", c));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Resolve_knownName_everyColourKeepsWhiteTextReadable(string name)
    {
        // WCAG contrast of white on the colour; 4:1 keeps captions readable on any gradient between them.
        Assert.All(ColorPalettes.Resolve(name), c => Assert.True(ContrastWithWhite(c) >= 4.0, $"{c} gives {ContrastWithWhite(c):F2}:1"));
    }

    [Theory]
    [InlineData("plaid")]
    [InlineData("")]
    [InlineData(null)]
    public void Resolve_unknownName_fallsBackToNeutral(string? name)
    {
        Assert.Equal(ColorPalettes.Resolve(ColorPalettes.Neutral), ColorPalettes.Resolve(name));
    }

    [Fact]
    public void Resolve_nameInOtherCaseOrPadded_findsPalette()
    {
        Assert.Equal(ColorPalettes.Resolve(ColorPalettes.EarthTones), ColorPalettes.Resolve(" Earth_Tones "));
    }

    [Fact]
    public void Names_listsDistinctPalettesWithDistinctColours()
    {
        Assert.Equal(6, ColorPalettes.Names.Distinct().Count());
        Assert.Equal(ColorPalettes.Names.Count, ColorPalettes.Names.Select(n => string.Join(',', ColorPalettes.Resolve(n))).Distinct().Count());
    }

    private static double ContrastWithWhite(string hex)
    {
        var rgb = int.Parse(hex[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        static double Channel(int value)
        {
            var c = value / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        var luminance = (0.2126 * Channel((rgb >> 16) & 255)) + (0.7152 * Channel((rgb >> 8) & 255)) + (0.0722 * Channel(rgb & 255));
        return 1.05 / (luminance + 0.05);
    }
}
