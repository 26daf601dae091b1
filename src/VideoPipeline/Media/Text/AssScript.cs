using System.Globalization;
using System.Text;
using VideoPipeline.Media.Captions;

namespace VideoPipeline.Media.Text;

/// <summary>
/// An ASS script of positioned text for libass, on a canvas the size of the video (1 unit = 1 pixel).
/// Every run is its own event with its face named (<c>\fn</c>), so libass draws exactly the faces the
/// layout measured, and shapes and orders each run itself (HarfBuzz, FriBidi). Colour emoji, which
/// libass cannot draw, are recorded as <c>Comment: …,Emoji,…</c> events (glyph boxes), and every block's
/// area as <c>Comment: …,Area,…</c>: libass skips comments, and <see cref="ReadEmoji"/> and
/// <see cref="ReadAreas"/> read them back where the script is burned in.
/// </summary>
public sealed class AssScript(int width, int height, FontFace defaultFace)
{
    private const string EmojiStyle = "Emoji";
    private const string AreaStyle = "Area";
    private readonly StringBuilder events = new();

    public int Width { get; } = width;

    public int Height { get; } = height;

    /// <summary>
    /// Draws <paramref name="block"/> with its area's top-left corner at (<paramref name="x"/>, <paramref name="y"/>),
    /// each line aligned inside <paramref name="areaWidth"/>. Returns the area its ink covers.
    /// </summary>
    public ScreenArea Add(TextBlock block, double x, double y, double areaWidth, TextAlign align, TextLook look, double start, double end)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(look);
        if (block.Lines.Count == 0)
        {
            return new ScreenArea(x, y, 0, 0, start, end);
        }

        var (from, to) = SubtitleTime.Span(start, end, 100);
        var times = $"{SubtitleTime.Centiseconds(from)},{SubtitleTime.Centiseconds(to)}";
        var fade = look.FadeIn > 0 || look.FadeOut > 0 ? Invariant($"\\fad({Ms(look.FadeIn)},{Ms(look.FadeOut)})") : "";
        var (left, right) = (double.MaxValue, double.MinValue);
        for (var i = 0; i < block.Lines.Count; i++)
        {
            var line = block.Lines[i];
            var lineX = x + (align switch
            {
                TextAlign.Left => 0,
                TextAlign.Right => areaWidth - line.Width,
                _ => (areaWidth - line.Width) / 2,
            });
            var top = y + (i * block.LineHeight);
            var baseline = top + block.Ascent;
            (left, right) = (Math.Min(left, lineX), Math.Max(right, lineX + line.Width));
            if (look.Box is not null)
            {
                // One box per line, as tall as the line pitch so boxes of consecutive lines meet without overlapping.
                var pad = look.BoxPadding;
                var (bw, bh) = (Round(line.Width + (2 * pad)), Round(block.LineHeight));
                this.events.Append(Invariant($"Dialogue: 0,{times},Text,,0,0,0,,{{\\an7\\pos({Num(lineX - pad)},{Num(top)})\\p1\\bord0\\shad0\\1c{Color(look.Box)}\\1a{Alpha(look.BoxOpacity)}{fade}}}m 0 0 l {bw} 0 {bw} {bh} 0 {bh}\n"));
            }

            foreach (var run in line.Runs)
            {
                if (run.IsEmoji)
                {
                    this.AddEmoji(run, lineX + run.X, baseline, block.EmPixels, times);
                    continue;
                }

                var face = run.Face;
                this.events.Append(Invariant($"Dialogue: 1,{times},Text,,0,0,0,,{{\\an7\\pos({Num(lineX + run.X)},{Num(baseline - (face.Ascent * block.EmPixels))})\\fn{face.AssName}\\fs{Num(face.AssFontSize(block.EmPixels))}"))
                    .Append(Invariant($"\\bord{Num(look.Outline)}\\shad{Num(look.Shadow)}\\1c{Color(look.Fill)}\\1a{Alpha(look.FillOpacity)}\\3c{Color(look.OutlineColor)}\\4c&H000000&\\4a{Alpha(look.ShadowOpacity)}{fade}}}"))
                    .Append(AssText.Escape(run.Text))
                    .Append('\n');
            }
        }

        var bleed = look.Bleed;
        var vertical = look.Outline + look.Shadow;
        var area = new ScreenArea(left - bleed, y - vertical, right - left + (2 * bleed), block.Height + (2 * vertical), start, end);
        this.events.Append(Invariant($"Comment: 0,{times},{AreaStyle},,0,0,0,,{Num(area.X)},{Num(area.Y)},{Num(area.Width)},{Num(area.Height)}\n"));

        return area;
    }

    public string Build()
    {
        var builder = new StringBuilder();
        builder.Append("[Script Info]\n")
            .Append("ScriptType: v4.00+\n")
            .Append(Invariant($"PlayResX: {this.Width}\n"))
            .Append(Invariant($"PlayResY: {this.Height}\n"))
            .Append("WrapStyle: 2\n")
            .Append("ScaledBorderAndShadow: yes\n")
            .Append('\n')
            .Append("[V4+ Styles]\n")
            .Append("Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding\n")
            .Append(Invariant($"Style: Text,{defaultFace.AssName},20,&H00FFFFFF,&H00FFFFFF,&H00000000,&H99000000,0,0,0,0,100,100,0,0,1,0,0,7,0,0,0,1\n"))
            .Append('\n')
            .Append("[Events]\n")
            .Append("Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n")
            .Append(this.events);
        return builder.ToString();
    }

    /// <summary>The colour emoji recorded in a script this class wrote (none in any other ASS).</summary>
    public static IReadOnlyList<EmojiPlacement> ReadEmoji(string ass) =>
        [.. Comments(ass, EmojiStyle).Where(c => c.Fields.Length == 6).Select(c => new EmojiPlacement(
            FromHex(c.Fields[4]), int.Parse(c.Fields[5], CultureInfo.InvariantCulture),
            (int)Parse(c.Fields[0]), (int)Parse(c.Fields[1]), (int)Parse(c.Fields[2]), (int)Parse(c.Fields[3]), c.Start, c.End))];

    /// <summary>The areas text blocks cover in a script this class wrote.</summary>
    public static IReadOnlyList<ScreenArea> ReadAreas(string ass) =>
        [.. Comments(ass, AreaStyle).Where(c => c.Fields.Length == 4).Select(c => new ScreenArea(
            Parse(c.Fields[0]), Parse(c.Fields[1]), Parse(c.Fields[2]), Parse(c.Fields[3]), c.Start, c.End))];

    private void AddEmoji(LaidOutRun run, double x, double baseline, double em, string times)
    {
        var glyphs = run.Face.ColorGlyphs(run.Text);
        var pen = x;
        for (var i = 0; i < glyphs.Count; i++)
        {
            var glyph = glyphs[i];
            var scale = em / glyph.Ppem;
            this.events.Append(Invariant($"Comment: 1,{times},{EmojiStyle},,0,0,0,,{Round(pen + (glyph.BearingX * scale))},{Round(baseline - (glyph.BearingY * scale))},{Math.Max(1, Round(glyph.Width * scale))},{Math.Max(1, Round(glyph.Height * scale))},{ToHex(run.Text)},{i}\n"));
            pen += glyph.Advance * scale;
        }
    }

    private static IEnumerable<(double Start, double End, string[] Fields)> Comments(string ass, string style)
    {
        foreach (var line in ass.Split('\n'))
        {
            if (!line.StartsWith("Comment:", StringComparison.Ordinal))
            {
                continue;
            }

            var fields = line["Comment:".Length..].Split(',', 10);
            if (fields.Length == 10 && fields[3].Trim() == style)
            {
                yield return (Time(fields[1]), Time(fields[2]), fields[9].Trim().Split(','));
            }
        }
    }

    private static double Time(string text)
    {
        var parts = text.Trim().Split(':');
        return parts.Length == 3
            ? (int.Parse(parts[0], CultureInfo.InvariantCulture) * 3600) + (int.Parse(parts[1], CultureInfo.InvariantCulture) * 60) + Parse(parts[2])
            : 0;
    }

    private static string ToHex(string cluster) => string.Join('-', cluster.EnumerateRunes().Select(r => r.Value.ToString("X4", CultureInfo.InvariantCulture)));

    private static string FromHex(string hex) =>
        string.Concat(hex.Split('-').Select(h => char.ConvertFromUtf32(int.Parse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture))));

    private static double Parse(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static int Ms(double seconds) => (int)Math.Round(seconds * 1000);

    private static int Round(double value) => (int)Math.Round(value);

    private static string Num(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>"#RRGGBB" as an override colour, &amp;HBBGGRR&amp;.</summary>
    private static string Color(string hex)
    {
        var rgb = AssWriter.ToAssColor(hex) ?? throw new ArgumentException($"'{hex}' is not a colour like #RRGGBB", nameof(hex));
        return "&H" + rgb[4..] + "&";
    }

    private static string Alpha(double opacity) =>
        "&H" + ((int)Math.Round((1 - Math.Clamp(opacity, 0, 1)) * 255)).ToString("X2", CultureInfo.InvariantCulture) + "&";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
