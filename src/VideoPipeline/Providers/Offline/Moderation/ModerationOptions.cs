namespace VideoPipeline.Providers.Offline.Moderation;

public sealed class ModerationOptions
{
    public const string Section = "Moderation";

    /// <summary>
    /// Blocked terms, optionally as "category:term". Matched case-insensitively on word boundaries.
    /// The defaults cover requests no brand video should fulfil; operators extend the list.
    /// </summary>
    public List<string> Blocklist { get; set; } =
    [
        "violence:how to make a bomb",
        "violence:build a bomb",
        "violence:mass shooting",
        "self-harm:suicide method",
        "sexual/minors:child porn",
        "illicit:buy cocaine",
        "illicit:buy heroin",
    ];
}
