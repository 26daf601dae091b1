using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Options;
using VideoPipeline.Storage;
using VideoPipeline.Storage.Azure;
using VideoPipeline.Storage.Tasks;

namespace VideoPipeline.Tests.Storage;

[CollectionDefinition(Name)]
public sealed class EmulatorGroup : ICollectionFixture<EmulatorFixture>
{
    public const string Name = "Emulators";
}

/// <summary>
/// One Azurite and one Cosmos DB server for every storage test: the ones already running (./test.sh starts
/// them), or started here through scripts/emulators.sh and stopped again at the end.
/// </summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private static readonly int[] Ports = [10000, 10001, 8081];
    private readonly List<int> startedPids = [];

    public HttpClient Http { get; } = new();

    public StorageOptions Options { get; } = new() { RetryDelay = TimeSpan.FromMilliseconds(100), MaxRetries = 3 };

    public AzureStorageClient Storage { get; private set; } = null!;

    public BlobServiceClient Blobs => this.Storage.Blobs;

    public QueueServiceClient Queues => this.Storage.Queues;

    public CosmosClient Cosmos { get; private set; } = null!;

    /// <summary>This run's own database, so runs never see each other's records.</summary>
    public TaskStoreOptions TaskOptions { get; } = new() { Database = Names.Unique("vf") };

    public static string RepositoryRoot { get; } = FindRoot();

    public async Task InitializeAsync()
    {
        if (!Ports.All(IsListening))
        {
            await this.StartEmulatorsAsync();
        }

        this.Storage = new AzureStorageClient(StorageConnectionString.Development, this.Options, this.Http);
        this.Cosmos = CosmosClientFactory.Create(this.TaskOptions);
    }

    public CosmosTaskStore CreateTaskStore(Action<TaskStoreOptions>? configure = null)
    {
        var options = new TaskStoreOptions { Database = this.TaskOptions.Database, Container = this.TaskOptions.Container };
        configure?.Invoke(options);
        return new CosmosTaskStore(this.Cosmos, Microsoft.Extensions.Options.Options.Create(options));
    }

    public BlobAssetStore CreateAssetStore(string containerPrefix) =>
        new(this.Blobs, Microsoft.Extensions.Options.Options.Create(new StorageOptions { ContainerPrefix = containerPrefix }));

    public async Task DisposeAsync()
    {
        try
        {
            await this.Cosmos.GetDatabase(this.TaskOptions.Database).DeleteAsync();
        }
        catch (CosmosException)
        {
            // Never created: no test used the task store.
        }

        this.Cosmos.Dispose();
        this.Http.Dispose();
        if (this.startedPids.Count > 0)
        {
            // Stops exactly what InitializeAsync started, through the script that keeps the PID records.
            await RunScriptAsync(["stop", .. this.startedPids.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        }
    }

    internal static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private async Task StartEmulatorsAsync()
    {
        var (exitCode, output, errors) = await RunScriptAsync(["start"]);
        this.startedPids.AddRange(output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse));
        if (exitCode != 0 || !Ports.All(IsListening))
        {
            throw new InvalidOperationException(
                $"The storage tests need Azurite (ports 10000/10001) and the Cosmos DB server (8081); scripts/emulators.sh start failed: {errors}");
        }
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunScriptAsync(string[] arguments)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot, "scripts", "emulators.sh"), .. arguments])
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await errors);
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "VideoFunctions.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Could not find the repository root (VideoFunctions.sln) above " + AppContext.BaseDirectory);
    }
}
