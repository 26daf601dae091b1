using System.Globalization;

namespace VideoPipeline.Storage.Azure;

/// <summary>A byte range of a blob: <see cref="Length"/> null means "to the end".</summary>
public readonly record struct BlobRange(long Offset, long? Length = null)
{
    internal string ToHeader() => this.Length is { } length
        ? string.Create(CultureInfo.InvariantCulture, $"bytes={this.Offset}-{this.Offset + length - 1}")
        : string.Create(CultureInfo.InvariantCulture, $"bytes={this.Offset}-");
}
