using Microsoft.Extensions.Options;

namespace VideoPipeline.Media.Text;

/// <summary>
/// The configured fonts, opened once per process (<see cref="TextStyleOptions.Fonts"/>). Text is cut into
/// runs by <see cref="TextSegmenter"/>, each drawn with the first face of the stack that has its glyphs.
/// </summary>
public sealed class TextFonts : IDisposable
{
    private readonly Lazy<IReadOnlyList<FontFace>> faces;

    public TextFonts(IOptions<TextStyleOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.Options = options.Value;
        this.faces = new(() => [.. this.Options.EffectiveFonts.Select(FontFace.TryOpen).OfType<FontFace>()]);
    }

    public TextStyleOptions Options { get; }

    public IReadOnlyList<FontFace> Faces => this.faces.Value;

    /// <summary>The first outline face: it draws whatever no face has a glyph for (as the .notdef box).</summary>
    public FontFace Primary => this.Faces.FirstOrDefault(f => !f.IsColor)
        ?? throw new InvalidOperationException($"None of the fonts in {TextStyleOptions.Section}:Fonts could be opened: {string.Join(", ", this.Options.EffectiveFonts)}");

    public FontFace? Emoji => this.Faces.FirstOrDefault(f => f.IsColor);

    /// <summary>The face of the stack a caption style names (family, full, PostScript or file name), else <see cref="Primary"/>.</summary>
    public FontFace Named(string? name)
    {
        var wanted = Compact(name);
        return wanted.Length == 0
            ? this.Primary
            : this.Faces.FirstOrDefault(f => !f.IsColor && new[] { f.Family, f.AssName, f.PostScriptName, Path.GetFileNameWithoutExtension(f.Path) }.Any(n => Compact(n) == wanted))
                ?? this.Primary;
    }

    public void Dispose()
    {
        if (this.faces.IsValueCreated)
        {
            foreach (var face in this.faces.Value)
            {
                face.Dispose();
            }
        }
    }

    private static string Compact(string? name) =>
        new string((name ?? "").Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
}
