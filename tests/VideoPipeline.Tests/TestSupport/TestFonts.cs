using Microsoft.Extensions.Options;
using VideoPipeline.Media.Text;

namespace VideoPipeline.Tests.TestSupport;

/// <summary>The default font stack (the Noto fonts the bootstrap installs), opened once for all tests.</summary>
public static class TestFonts
{
    public static TextFonts Default { get; } = new(Options.Create(new TextStyleOptions()));

    /// <summary>Only the given font files, e.g. DejaVu alone as a stack without CJK or emoji.</summary>
    public static TextFonts Only(params string[] files) => new(Options.Create(new TextStyleOptions { Fonts = [.. files] }));
}
