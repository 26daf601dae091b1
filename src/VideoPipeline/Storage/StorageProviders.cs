namespace VideoPipeline.Storage;

public static class StorageProviders
{
    public const string Blob = "Blob";
    public const string File = "File";
}
