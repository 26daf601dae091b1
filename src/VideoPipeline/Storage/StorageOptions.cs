namespace VideoPipeline.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Root folder of the file asset store.</summary>
    public string FileRoot { get; set; } = ".data/assets";
}
