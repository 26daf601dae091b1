namespace VideoPipeline.Host.Api;

/// <summary>The HTTP API (<c>serve</c>). Bound from the <c>Api</c> section.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Where Kestrel listens; 7071 as with <c>func start</c>.</summary>
    public string Urls { get; set; } = "http://localhost:7071";

    /// <summary>
    /// API keys as "owner:key" entries. <c>VIDEOFUNCTIONS_API_KEYS=owner1:key1,owner2:key2</c> adds more.
    /// Only their SHA-256 hashes are kept in memory.
    /// </summary>
    public List<string> Keys { get; set; } = [];
}
