namespace VideoPipeline.Providers.Offline.Planning;

/// <summary>The kind of video a prompt asks for; it picks the beat sheet.</summary>
internal enum VideoFormat
{
    Documentary,
    Ad,
    Tutorial,
    Story,
}
