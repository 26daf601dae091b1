using static VideoPipeline.Media.Text.OpenTypeData;

namespace VideoPipeline.Media.Text;

/// <summary>A colour glyph bitmap: PNG bytes and where it sits, in pixels of its strike (<see cref="Ppem"/> per em).</summary>
public sealed record ColorGlyph(byte[] Png, int Width, int Height, int BearingX, int BearingY, int Advance, int Ppem);

/// <summary>
/// Colour emoji bitmaps (CBLC index + CBDT data, as in Noto Color Emoji). libass and drawtext draw
/// outlines only, so these glyphs are overlaid as images; the PNG is taken from the font as stored.
/// Reads index formats 1-5 and image formats 17-19 (the PNG ones) of the largest strike.
/// </summary>
internal sealed class ColorGlyphs(byte[] cblc, byte[] cbdt)
{
    public ColorGlyph? Find(uint glyph)
    {
        if (cblc.Length < 8)
        {
            return null;
        }

        var sizes = (int)U32(cblc, 4);
        var best = -1;
        for (var i = 0; i < sizes; i++)
        {
            var record = 8 + (i * 48);
            if (glyph >= U16(cblc, record + 40) && glyph <= U16(cblc, record + 42) && (best < 0 || cblc[record + 45] > cblc[best + 45]))
            {
                best = record;
            }
        }

        return best < 0 ? null : FindInStrike(best, glyph);
    }

    private ColorGlyph? FindInStrike(int strike, uint glyph)
    {
        var array = (int)U32(cblc, strike);
        var subtables = (int)U32(cblc, strike + 8);
        var ppem = cblc[strike + 45];
        for (var i = 0; i < subtables; i++)
        {
            var entry = array + (i * 8);
            var (first, last) = (U16(cblc, entry), U16(cblc, entry + 2));
            if (glyph < first || glyph > last)
            {
                continue;
            }

            var sub = array + (int)U32(cblc, entry + 4);
            var (indexFormat, imageFormat, dataOffset) = (U16(cblc, sub), U16(cblc, sub + 2), (int)U32(cblc, sub + 4));
            var at = (int)(glyph - first);
            var (offset, bigMetrics) = indexFormat switch
            {
                1 => ((int)U32(cblc, sub + 8 + (at * 4)), -1),
                2 => ((int)U32(cblc, sub + 8) * at, sub + 12),
                3 => (U16(cblc, sub + 8 + (at * 2)), -1),
                4 => (Sparse(sub, glyph), -1),
                5 => (Listed(sub, glyph), sub + 12),
                _ => (-1, -1),
            };
            return offset < 0 ? null : Read(dataOffset + offset, imageFormat, bigMetrics, ppem);
        }

        return null;
    }

    private int Sparse(int sub, uint glyph)
    {
        var count = (int)U32(cblc, sub + 8);
        for (var i = 0; i < count; i++)
        {
            if (U16(cblc, sub + 12 + (i * 4)) == glyph)
            {
                return U16(cblc, sub + 14 + (i * 4));
            }
        }

        return -1;
    }

    private int Listed(int sub, uint glyph)
    {
        var size = (int)U32(cblc, sub + 8);
        var count = (int)U32(cblc, sub + 20);
        for (var i = 0; i < count; i++)
        {
            if (U16(cblc, sub + 24 + (i * 2)) == glyph)
            {
                return size * i;
            }
        }

        return -1;
    }

    private ColorGlyph? Read(int at, int imageFormat, int bigMetrics, int ppem)
    {
        // Small metrics (format 17) and big ones (18, or 19 from the index) start alike: h, w, bearing x, bearing y, advance.
        var (metrics, metricsData, dataAt) = imageFormat switch
        {
            17 => (at, cbdt, at + 5),
            18 => (at, cbdt, at + 8),
            19 when bigMetrics >= 0 => (bigMetrics, cblc, at),
            _ => (-1, cbdt, -1),
        };
        if (metrics < 0 || dataAt + 4 > cbdt.Length)
        {
            return null;
        }

        var length = (int)U32(cbdt, dataAt);
        if (dataAt + 4 + length > cbdt.Length)
        {
            return null;
        }

        var png = cbdt.AsSpan(dataAt + 4, length).ToArray();
        var (height, width) = (metricsData[metrics], metricsData[metrics + 1]);
        var (bearingX, bearingY) = ((sbyte)metricsData[metrics + 2], (sbyte)metricsData[metrics + 3]);
        var advance = metricsData[metrics + 4];
        return new ColorGlyph(png, width, height, bearingX, bearingY, advance, ppem);
    }
}
