using System.Buffers.Binary;
using System.Text;

namespace VideoPipeline.Media.Text;

/// <summary>Big-endian reads from OpenType tables, and strings from the 'name' table.</summary>
internal static class OpenTypeData
{
    public static ushort U16(ReadOnlySpan<byte> data, int offset) => BinaryPrimitives.ReadUInt16BigEndian(data[offset..]);

    public static uint U32(ReadOnlySpan<byte> data, int offset) => BinaryPrimitives.ReadUInt32BigEndian(data[offset..]);

    /// <summary>A string of the 'name' table: Windows English first, then any Unicode record, then Mac Roman.</summary>
    public static string? Name(ReadOnlySpan<byte> name, int id)
    {
        if (name.Length < 6)
        {
            return null;
        }

        var count = U16(name, 2);
        var strings = U16(name, 4);
        (int Rank, string Text)? best = null;
        for (var i = 0; i < count; i++)
        {
            var record = 6 + (i * 12);
            if (record + 12 > name.Length || U16(name, record + 6) != id)
            {
                continue;
            }

            var (platform, language, length, offset) = (U16(name, record), U16(name, record + 4), U16(name, record + 8), strings + U16(name, record + 10));
            if (offset + length > name.Length)
            {
                continue;
            }

            var bytes = name.Slice(offset, length);
            var rank = platform == 3 && language == 0x409 ? 0 : platform is 3 or 0 ? 1 : 2;
            if (best is null || rank < best.Value.Rank)
            {
                best = (rank, rank < 2 ? Encoding.BigEndianUnicode.GetString(bytes) : Encoding.Latin1.GetString(bytes));
            }
        }

        return best?.Text;
    }
}
