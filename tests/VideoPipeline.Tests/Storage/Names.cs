namespace VideoPipeline.Tests.Storage;

/// <summary>Unique, valid container/queue/database names so tests never share state.</summary>
internal static class Names
{
    public static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 20, 63)];
}
