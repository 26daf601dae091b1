using System.Text;
using VideoPipeline.Serialization;

namespace VideoPipeline.Storage;

/// <summary>Small JSON documents (transcripts, cached results) stored as assets.</summary>
public static class AssetStoreJsonExtensions
{
    public static async Task WriteJsonAsync<T>(this IAssetStore store, AssetRef asset, T value, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(PipelineJson.Serialize(value)));
        await store.UploadAsync(asset, content, ContentTypes.Json, cancellationToken: cancellationToken);
    }

    /// <summary>The document, or default when it does not exist.</summary>
    public static async Task<T?> ReadJsonAsync<T>(this IAssetStore store, AssetRef asset, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await store.OpenReadAsync(asset, cancellationToken);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return PipelineJson.Deserialize<T>(await reader.ReadToEndAsync(cancellationToken));
        }
        catch (AssetNotFoundException)
        {
            return default;
        }
    }
}
