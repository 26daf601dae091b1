namespace VideoPipeline.Storage.Durable;

public sealed class OrchestrationStoreOptions
{
    public const string Section = "OrchestrationStore";

    /// <summary>Cosmos DB container (in the task store's database) for instances and history.</summary>
    public string Container { get; set; } = "orchestrations";
}
