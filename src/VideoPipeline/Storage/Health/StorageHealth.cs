namespace VideoPipeline.Storage.Health;

public sealed record StorageHealth(string Name, bool Healthy, string Reason, TimeSpan Duration)
{
    public static StorageHealth Up(string name, TimeSpan duration) => new(name, true, "ok", duration);

    public static StorageHealth Down(string name, string reason, TimeSpan duration) => new(name, false, reason, duration);
}
