using System.Globalization;
using System.Security.Cryptography;

namespace VideoPipeline.Storage;

/// <summary>
/// Names for generated assets that a re-run activity reproduces exactly (at-least-once execution), so it
/// overwrites its earlier output instead of leaving a duplicate.
/// </summary>
public static class AssetNames
{
    /// <summary><c>{taskId}/{stage}/{index:D4}{extension}</c>, e.g. <c>t-42/scene/0003.mp4</c>.</summary>
    public static string ForTask(string taskId, string stage, int index, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"{Segment(taskId)}/{Segment(stage)}/{index:D4}{NormalizeExtension(extension)}");

    /// <summary><c>{taskId}/{stage}{extension}</c> for a stage's single output.</summary>
    public static string ForTask(string taskId, string stage, string extension) =>
        $"{Segment(taskId)}/{Segment(stage)}{NormalizeExtension(extension)}";

    /// <summary><c>sha256/{hex}{extension}</c>: the same bytes always get the same name.</summary>
    public static string ContentAddressed(ReadOnlySpan<byte> sha256, string extension) =>
        $"sha256/{Convert.ToHexStringLower(sha256)}{NormalizeExtension(extension)}";

    /// <summary>Hashes the stream (from its current position) and names it by content.</summary>
    public static async Task<string> ContentAddressedAsync(Stream content, string extension, CancellationToken cancellationToken = default) =>
        ContentAddressed(await SHA256.HashDataAsync(content, cancellationToken), extension);

    private static string NormalizeExtension(string extension) =>
        extension.Length == 0 || extension.StartsWith('.') ? extension : "." + extension;

    private static string Segment(string value) =>
        string.IsNullOrWhiteSpace(value) || value.Contains('/', StringComparison.Ordinal) || value is "." or ".."
            ? throw new ArgumentException($"'{value}' cannot be an asset name segment")
            : value;
}
