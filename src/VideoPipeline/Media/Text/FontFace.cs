using HarfBuzzSharp;

namespace VideoPipeline.Media.Text;

/// <summary>
/// One font face of the stack, measured with HarfBuzz (the shaper libass uses). Sizes are in ems:
/// the stack draws every face at the same em size, and <see cref="AssFontSize"/> converts to the
/// size libass takes (it scales a face so that its Windows ascent + descent equals the given size).
/// </summary>
public sealed class FontFace : IDisposable
{
    private readonly Blob blob;
    private readonly Face face;
    private readonly Font font;
    private readonly ColorGlyphs? color;

    private FontFace(string path, int index)
    {
        this.Path = path;
        this.Index = index;
        this.blob = Blob.FromFile(path);
        this.face = new Face(this.blob, index);
        this.font = new Font(this.face);
        this.UnitsPerEm = this.face.UnitsPerEm;
        this.font.SetScale(this.UnitsPerEm, this.UnitsPerEm);
        // libass, like GDI, matches a CFF face by its PostScript name (id 6) and a TrueType face by its full name (id 4).
        using (var name = this.face.ReferenceTable(Tag.Parse("name")))
        {
            var cff = this.face.Tables.Contains(Tag.Parse("CFF "));
            // It goes into an override tag, so characters that would end or open one are dropped.
            var assName = OpenTypeData.Name(name.AsSpan(), cff ? 6 : 4) ?? System.IO.Path.GetFileNameWithoutExtension(path);
            this.AssName = new string(assName.Where(c => c is not ('{' or '}' or '\\' or ',') && !char.IsControl(c)).ToArray());
            this.PostScriptName = OpenTypeData.Name(name.AsSpan(), 6) ?? this.AssName;
            this.Family = OpenTypeData.Name(name.AsSpan(), 16) ?? OpenTypeData.Name(name.AsSpan(), 1) ?? this.AssName;
        }

        var metrics = this.font.OpenTypeMetrics;
        var ascent = metrics.TryGetPosition(OpenTypeMetricsTag.HorizontalClippingAscent, out var a) && a != 0 ? a
            : metrics.TryGetPosition(OpenTypeMetricsTag.HorizontalAscender, out a) ? a : this.UnitsPerEm;
        var descent = metrics.TryGetPosition(OpenTypeMetricsTag.HorizontalClippingDescent, out var d) && d != 0 ? d
            : metrics.TryGetPosition(OpenTypeMetricsTag.HorizontalDescender, out d) ? d : 0;
        this.Ascent = Math.Abs(ascent) / (double)this.UnitsPerEm;
        this.Descent = Math.Abs(descent) / (double)this.UnitsPerEm;

        if (this.face.HasColorPng)
        {
            using var cblc = this.face.ReferenceTable(Tag.Parse("CBLC"));
            using var cbdt = this.face.ReferenceTable(Tag.Parse("CBDT"));
            this.color = new ColorGlyphs(cblc.AsSpan().ToArray(), cbdt.AsSpan().ToArray());
        }
    }

    public string Path { get; }

    public int Index { get; }

    /// <summary>What ASS's \fn names: libass matches it to exactly this face.</summary>
    public string AssName { get; }

    public string PostScriptName { get; }

    public string Family { get; }

    public int UnitsPerEm { get; }

    /// <summary>Windows ascent and descent in ems: libass's line box for this face.</summary>
    public double Ascent { get; }

    public double Descent { get; }

    /// <summary>A bitmap colour font (emoji): its glyphs are overlaid as images, not drawn by libass.</summary>
    public bool IsColor => this.color is not null;

    /// <summary>Opens "path" or "path#index"; null when the file is missing or not a font.</summary>
    public static FontFace? TryOpen(string spec)
    {
        var hash = spec.LastIndexOf('#');
        var (path, index) = hash > 0 && int.TryParse(spec[(hash + 1)..], out var i) ? (spec[..hash], i) : (spec, 0);
        if (!File.Exists(path))
        {
            return null;
        }

        var opened = new FontFace(path, index);
        if (opened.face.GlyphCount > 0)
        {
            return opened;
        }

        opened.Dispose();
        return null;
    }

    public bool Covers(int codepoint) => this.font.TryGetGlyph(codepoint, out _);

    /// <summary>The ASS font size that draws this face at <paramref name="emPixels"/> pixels per em.</summary>
    public double AssFontSize(double emPixels) => emPixels * (this.Ascent + this.Descent);

    /// <summary>Shaped advance width of <paramref name="text"/>, in ems.</summary>
    public double Measure(string text)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        using var buffer = Shape(text);
        long advance = 0;
        foreach (var position in buffer.GetGlyphPositionSpan())
        {
            advance += position.XAdvance;
        }

        return advance / (double)this.UnitsPerEm;
    }

    /// <summary>The colour glyphs one emoji cluster shapes to (one for a sequence the font has as a ligature).</summary>
    public IReadOnlyList<ColorGlyph> ColorGlyphs(string cluster)
    {
        if (this.color is null)
        {
            return [];
        }

        using var buffer = Shape(cluster);
        var glyphs = new List<ColorGlyph>();
        foreach (var info in buffer.GetGlyphInfoSpan())
        {
            if (info.Codepoint != 0 && this.color.Find(info.Codepoint) is { } glyph)
            {
                glyphs.Add(glyph);
            }
        }

        return glyphs;
    }

    public void Dispose()
    {
        this.font.Dispose();
        this.face.Dispose();
        this.blob.Dispose();
    }

    private HarfBuzzSharp.Buffer Shape(string text)
    {
        var buffer = new HarfBuzzSharp.Buffer();
        buffer.AddUtf16(text);
        buffer.GuessSegmentProperties();
        this.font.Shape(buffer);
        return buffer;
    }
}
