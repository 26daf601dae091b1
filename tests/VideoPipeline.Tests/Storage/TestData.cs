using System.Security.Cryptography;

namespace VideoPipeline.Tests.Storage;

internal static class TestData
{
    public const int MiB = 1024 * 1024;

    public static byte[] Bytes(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Writes <paramref name="length"/> pseudo-random bytes to a temp file, 1 MiB at a time; returns its path and sha256.</summary>
    public static async Task<(string Path, byte[] Sha256)> FileAsync(long length, int seed = 1)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "vf-storage-" + Guid.NewGuid().ToString("N"));
        var random = new Random(seed);
        var buffer = new byte[MiB];
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using (var file = File.Create(path))
        {
            for (long written = 0; written < length;)
            {
                var count = (int)Math.Min(buffer.Length, length - written);
                random.NextBytes(buffer.AsSpan(0, count));
                hash.AppendData(buffer, 0, count);
                await file.WriteAsync(buffer.AsMemory(0, count));
                written += count;
            }
        }

        return (path, hash.GetHashAndReset());
    }

    public static async Task<byte[]> Sha256Async(Stream stream) => await SHA256.HashDataAsync(stream);
}
