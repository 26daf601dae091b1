using System.Security.Cryptography;
using System.Text;
using VideoPipeline.Serialization;

namespace VideoPipeline.Storage;

/// <summary>
/// Content addresses for generated assets: the hash of everything that determines the output
/// (spec, provider and version), so a re-run finds and reuses, or overwrites, the same blob.
/// </summary>
public static class ContentHash
{
    public static string Of(params object?[] parts)
    {
        var json = PipelineJson.Serialize(parts);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..24];
    }

    /// <summary>A stable 32-bit seed derived from text (e.g. a scene description).</summary>
    public static long Seed(string text) =>
        BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0);

    public static async Task<string> Sha256OfFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}
