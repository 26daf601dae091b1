using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VideoPipeline.Storage;

namespace VideoPipeline.Host.Bench;

/// <summary>
/// Uploads and downloads one large file (256 MiB by default) through the asset store (the Blob SDK) and prints the
/// throughput both ways and the peak managed memory while doing it. Target: peak under 64 MiB, whatever the file size.
/// </summary>
public static class StorageBenchmark
{
    public const long DefaultSizeBytes = 256L * 1024 * 1024;
    public const long TargetPeakBytes = 64L * 1024 * 1024;
    private const string Container = "bench";

    /// <summary>0 when every round trip was byte-identical, 1 otherwise.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken, long sizeBytes = DefaultSizeBytes)
    {
        var blobs = services.GetRequiredService<BlobServiceClient>();
        var settings = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var store = new BlobAssetStore(blobs, services.GetRequiredService<BlobReadLinks>(), Options.Create(new StorageOptions
        {
            SingleUploadMaxBytes = settings.SingleUploadMaxBytes,
            BlockSizeBytes = settings.BlockSizeBytes,
            MaxParallelBlocks = settings.MaxParallelBlocks,
        }));
        var source = Path.Combine(Path.GetTempPath(), $"vf-bench-{Guid.NewGuid():N}.bin");
        var asset = new AssetRef(Container, $"{Guid.NewGuid():N}.bin");
        try
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Storage benchmark: {Mib(sizeBytes)} MiB to {blobs.Uri}{Container} ({Mib(settings.BlockSizeBytes):0} MiB blocks, {settings.MaxParallelBlocks} in flight)"));
            var sourceHash = await WriteRandomFileAsync(source, sizeBytes, cancellationToken);
            var identical = await MeasureAsync(
                "Blob SDK (asset store)",
                output,
                sizeBytes,
                sourceHash,
                () => store.UploadFileAsync(asset, source, ContentTypes.OctetStream, cancellationToken: cancellationToken),
                target => store.DownloadToFileAsync(asset, target, cancellationToken),
                cancellationToken);

            return identical ? 0 : 1;
        }
        finally
        {
            File.Delete(source);
            await store.DeleteAsync(asset, CancellationToken.None);
        }
    }

    private static async Task<bool> MeasureAsync(
        string label, TextWriter output, long sizeBytes, byte[] sourceHash, Func<Task> upload, Func<string, Task> download, CancellationToken cancellationToken)
    {
        var target = Path.Combine(Path.GetTempPath(), $"vf-bench-{Guid.NewGuid():N}.down");
        try
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var baseline = GC.GetTotalMemory(forceFullCollection: true);
            using var sampler = new MemorySampler();

            var clock = Stopwatch.StartNew();
            await upload();
            var up = clock.Elapsed;

            clock.Restart();
            await download(target);
            var down = clock.Elapsed;
            var (peakManaged, peakHeap) = await sampler.StopAsync();

            var targetHash = await HashFileAsync(target, cancellationToken);
            var identical = sourceHash.AsSpan().SequenceEqual(targetHash);
            await output.WriteLineAsync($"  {label}:");
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"    upload:   {up.TotalSeconds,7:0.00} s  {Mib(sizeBytes) / up.TotalSeconds,8:0.0} MiB/s"));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"    download: {down.TotalSeconds,7:0.00} s  {Mib(sizeBytes) / down.TotalSeconds,8:0.0} MiB/s"));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"    peak managed memory: {Mib(peakManaged):0.0} MiB ({Mib(peakManaged - baseline):0.0} MiB above the baseline of {Mib(baseline):0.0} MiB, peak GC heap {Mib(peakHeap):0.0} MiB); target < {Mib(TargetPeakBytes):0} MiB: {(peakManaged < TargetPeakBytes ? "met" : "NOT met")}"));
            await output.WriteLineAsync($"    round trip: {(identical ? "sha256 identical" : "CONTENT DIFFERS")}");
            return identical;
        }
        finally
        {
            File.Delete(target);
        }
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
