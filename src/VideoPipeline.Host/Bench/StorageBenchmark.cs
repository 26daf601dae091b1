using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VideoPipeline.Storage;
using VideoPipeline.Storage.Azure;

namespace VideoPipeline.Host.Bench;

/// <summary>
/// Uploads and downloads one large file (256 MiB by default) through the Blob client and prints the throughput
/// both ways and the peak managed memory while doing it. Target: peak under 64 MiB, whatever the file size.
/// </summary>
public static class StorageBenchmark
{
    public const long DefaultSizeBytes = 256L * 1024 * 1024;
    public const long TargetPeakBytes = 64L * 1024 * 1024;
    private const string Container = "bench";

    /// <summary>0 when the round trip was byte-identical, 1 otherwise.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken, long sizeBytes = DefaultSizeBytes)
    {
        var client = services.GetService<AzureStorageClient>() ?? CreateClient(services);
        var blobs = client.Blobs;
        var source = Path.Combine(Path.GetTempPath(), $"vf-bench-{Guid.NewGuid():N}.bin");
        var target = source + ".down";
        var name = $"{Guid.NewGuid():N}.bin";
        try
        {
            await output.WriteLineAsync($"Storage benchmark: {Mib(sizeBytes)} MiB to {blobs.Endpoint}/{Container}");
            var sourceHash = await WriteRandomFileAsync(source, sizeBytes, cancellationToken);
            await blobs.CreateContainerAsync(Container, cancellationToken);

            GC.Collect();
            GC.WaitForPendingFinalizers();
            var baseline = GC.GetTotalMemory(forceFullCollection: true);
            using var sampler = new MemorySampler();

            var clock = Stopwatch.StartNew();
            await blobs.UploadFileAsync(Container, name, source, new BlobUploadOptions { ContentType = ContentTypes.OctetStream }, cancellationToken);
            var upload = clock.Elapsed;

            clock.Restart();
            await blobs.DownloadToFileAsync(Container, name, target, cancellationToken);
            var download = clock.Elapsed;
            var (peakManaged, peakHeap) = await sampler.StopAsync();

            var targetHash = await HashFileAsync(target, cancellationToken);
            var identical = sourceHash.AsSpan().SequenceEqual(targetHash);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  upload:   {upload.TotalSeconds,7:0.00} s  {Mib(sizeBytes) / upload.TotalSeconds,8:0.0} MB/s"));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  download: {download.TotalSeconds,7:0.00} s  {Mib(sizeBytes) / download.TotalSeconds,8:0.0} MB/s"));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  peak managed memory: {Mib(peakManaged):0.0} MiB (baseline {Mib(baseline):0.0} MiB, peak GC heap {Mib(peakHeap):0.0} MiB); target < {Mib(TargetPeakBytes):0} MiB: {(peakManaged < TargetPeakBytes ? "met" : "NOT met")}"));
            await output.WriteLineAsync($"  round trip: {(identical ? "sha256 identical" : "CONTENT DIFFERS")}");
            return identical ? 0 : 1;
        }
        finally
        {
            File.Delete(source);
            File.Delete(target);
            await blobs.DeleteAsync(Container, name, cancellationToken: CancellationToken.None);
        }
    }

    private static AzureStorageClient CreateClient(IServiceProvider services)
    {
        var options = services.GetService<IOptions<StorageOptions>>()?.Value ?? new StorageOptions();
        return new AzureStorageClient(StorageConnectionString.Parse(options.ConnectionString), options, new HttpClient { Timeout = Timeout.InfiniteTimeSpan });
    }

    private static double Mib(long bytes) => bytes / (1024.0 * 1024.0);

    private static async Task<byte[]> WriteRandomFileAsync(string path, long length, CancellationToken cancellationToken)
    {
        var buffer = new byte[1024 * 1024];
        var random = new Random(42);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        for (long written = 0; written < length;)
        {
            var count = (int)Math.Min(buffer.Length, length - written);
            random.NextBytes(buffer.AsSpan(0, count));
            hash.AppendData(buffer, 0, count);
            await file.WriteAsync(buffer.AsMemory(0, count), cancellationToken);
            written += count;
        }

        return hash.GetHashAndReset();
    }

    private static async Task<byte[]> HashFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return await SHA256.HashDataAsync(file, cancellationToken);
    }
}
