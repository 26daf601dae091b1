namespace VideoPipeline.Storage.Tasks;

/// <summary>The Cosmos DB (SQL API) account holding task records. Bound from the <c>TaskStore</c> section.</summary>
public sealed class TaskStoreOptions
{
    public const string Section = "TaskStore";

    /// <summary>The official emulator's well-known key; public by design, valid only against an emulator.</summary>
    public const string EmulatorConnectionString =
        "AccountEndpoint=https://localhost:8081/;AccountKey=C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==;";

    /// <summary><c>AccountEndpoint=...;AccountKey=...;</c>; without AccountKey the account is reached with Entra ID.</summary>
    public string ConnectionString { get; set; } = EmulatorConnectionString;

    /// <summary>The user-assigned managed identity to use when the connection string has no key.</summary>
    public string? ManagedIdentityClientId { get; set; }

    public string Database { get; set; } = "videofunctions";

    public string Container { get; set; } = "tasks";

    /// <summary>How long a soft-deleted record can be restored before Cosmos DB purges it.</summary>
    public TimeSpan DeletedRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Read-modify-write attempts before an update gives up on a hot record.</summary>
    public int MaxUpdateAttempts { get; set; } = 100;

    /// <summary>How long one Cosmos request may take (the SDK retries within it).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
