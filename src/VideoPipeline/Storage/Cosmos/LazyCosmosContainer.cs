using Microsoft.Azure.Cosmos;

namespace VideoPipeline.Storage.Cosmos;

/// <summary>
/// A Cosmos DB container created on first use, database included. Creation is idempotent, so any
/// instance may do it; a failed creation (the emulator not up yet) is tried again by the next call.
/// </summary>
internal sealed class LazyCosmosContainer(CosmosClient client, string database, ContainerProperties properties)
{
    private readonly Lock gate = new();
    private Task<Container>? container;

    public Task<Container> GetAsync(CancellationToken cancellationToken)
    {
        Task<Container> creation;
        lock (this.gate)
        {
            if (this.container is null || this.container.IsFaulted || this.container.IsCanceled)
            {
                this.container = this.CreateAsync();
            }

            creation = this.container;
        }

        return creation.WaitAsync(cancellationToken);
    }

    private async Task<Container> CreateAsync()
    {
        var db = (await client.CreateDatabaseIfNotExistsAsync(database)).Database;
        return (await db.CreateContainerIfNotExistsAsync(properties)).Container;
    }
}
