using System.Diagnostics;
using VideoPipeline.Storage.Tasks;

namespace VideoPipeline.Storage.Health;

/// <summary>Healthy when the task container can be reached (and, on first use, created) within the timeout.</summary>
public sealed class TaskStoreHealthProbe(CosmosTaskStore store) : IStorageHealthProbe
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public string Name => "cosmos";

    public async Task<StorageHealth> CheckAsync(CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            var container = await store.ContainerAsync(timeout.Token);
            using var response = await container.ReadContainerStreamAsync(cancellationToken: timeout.Token);
            return response.IsSuccessStatusCode
                ? StorageHealth.Up(this.Name, clock.Elapsed)
                : StorageHealth.Down(this.Name, $"reading the task container answered {(int)response.StatusCode}", clock.Elapsed);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return StorageHealth.Down(this.Name, $"no answer within {Timeout.TotalSeconds:0} s", clock.Elapsed);
        }
        catch (Exception e) when (e is TaskStoreUnavailableException or Microsoft.Azure.Cosmos.CosmosException or HttpRequestException)
        {
            return StorageHealth.Down(this.Name, e.Message.Split('\n')[0].Trim(), clock.Elapsed);
        }
    }
}
