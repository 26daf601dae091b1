namespace VideoPipeline.Storage;

public sealed class AssetNotFoundException(AssetRef asset)
    : Exception($"Asset '{asset}' does not exist")
{
    public AssetRef Asset { get; } = asset;
}
