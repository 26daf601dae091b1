namespace VideoPipeline.Host.Api.Uploads;

/// <summary><c>POST /api/uploads</c>. Bound from the <c>Uploads</c> section.</summary>
public sealed class UploadOptions
{
    public const string Section = "Uploads";

    /// <summary>The largest file accepted (413 above), counted while it streams to Blob storage.</summary>
    public long MaxBytes { get; set; } = 100L * 1024 * 1024;
}
