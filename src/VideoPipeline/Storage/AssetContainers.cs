namespace VideoPipeline.Storage;

/// <summary>One container per asset kind, as in the design card.</summary>
public static class AssetContainers
{
    public const string Uploads = "uploads";
    public const string Renders = "renders";
    public const string Audio = "audio";
    public const string Captions = "captions";
    public const string Final = "final";
    public const string Captioned = "captioned";

    /// <summary>API uploads and the fetched inputs of processing tasks; not <see cref="Uploads"/>, which the blob trigger watches.</summary>
    public const string Inputs = "inputs";

    public static IReadOnlyList<string> All { get; } = [Uploads, Renders, Audio, Captions, Final, Captioned, Inputs];
}
