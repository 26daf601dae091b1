using VideoPipeline.Host.Bench;

namespace VideoPipeline.Tests.Storage;

[Collection(EmulatorGroup.Name)]
public sealed class StorageBenchmarkTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task RunAsync_small_file_round_trips_and_prints_throughput_and_memory()
    {
        var output = new StringWriter();

        var exit = await StorageBenchmark.RunAsync(emulators.Services, output, CancellationToken.None, sizeBytes: 16 * TestData.MiB);

        Assert.Equal(0, exit);
        Assert.Contains("MiB/s", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("peak managed memory", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("sha256 identical", output.ToString(), StringComparison.Ordinal);
    }
}
