using VideoPipeline.Storage.Health;

namespace VideoPipeline.Host.Cli;

/// <summary>
/// Checks the asset and task stores before a job starts, so an emulator that is down gives one
/// clear line (which store, and how to start it) instead of a failure halfway through a job.
/// </summary>
public sealed class StoragePreflight(IEnumerable<IStorageHealthProbe> probes)
{
    /// <returns>Null when every store answers; otherwise one line naming the first that does not.</returns>
    public async Task<string?> CheckAsync(CancellationToken cancellationToken)
    {
        var results = await Task.WhenAll(probes.Select(p => p.CheckAsync(cancellationToken)));
        var down = results.FirstOrDefault(r => !r.Healthy);
        return down is null
            ? null
            : $"{Describe(down.Name)} is not reachable ({down.Reason}); start the local emulators with ./run.sh or scripts/emulators.sh start";
    }

    private static string Describe(string probe) => probe switch
    {
        "blob" => "Blob storage (Azurite, AzureWebJobsStorage)",
        "queue" => "Queue storage (Azurite, AzureWebJobsStorage)",
        "cosmos" => "the task store (Cosmos DB, TaskStore__ConnectionString)",
        _ => probe,
    };
}
