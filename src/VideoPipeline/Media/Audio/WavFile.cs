using System.Buffers.Binary;

namespace VideoPipeline.Media.Audio;

/// <summary>Reads the duration of a PCM WAV file from its RIFF header, without starting a process.</summary>
public static class WavFile
{
    /// <exception cref="FormatException">Not a RIFF/WAVE file with fmt and data chunks.</exception>
    public static double DurationSeconds(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> header = stackalloc byte[12];
        stream.ReadExactly(header);
        if (!header[..4].SequenceEqual("RIFF"u8) || !header[8..12].SequenceEqual("WAVE"u8))
        {
            throw new FormatException($"'{Path.GetFileName(path)}' is not a RIFF/WAVE file");
        }

        var byteRate = 0u;
        Span<byte> chunk = stackalloc byte[8];
        Span<byte> format = stackalloc byte[16];
        while (stream.Read(chunk) == 8)
        {
            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
            if (chunk[..4].SequenceEqual("fmt "u8))
            {
                stream.ReadExactly(format);
                byteRate = BinaryPrimitives.ReadUInt32LittleEndian(format[8..12]);
                stream.Seek(size - 16 + (size % 2), SeekOrigin.Current);
            }
            else if (chunk[..4].SequenceEqual("data"u8))
            {
                // Some writers leave the size 0 or max when streaming; then the file length says.
                var dataBytes = size is 0 or uint.MaxValue ? stream.Length - stream.Position : Math.Min(size, stream.Length - stream.Position);
                return byteRate == 0
                    ? throw new FormatException($"'{Path.GetFileName(path)}' has its data before its format")
                    : dataBytes / (double)byteRate;
            }
            else
            {
                stream.Seek(size + (size % 2), SeekOrigin.Current);
            }
        }

        throw new FormatException($"'{Path.GetFileName(path)}' has no data chunk");
    }
}
