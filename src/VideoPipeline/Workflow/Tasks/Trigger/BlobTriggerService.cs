using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VideoPipeline.Workflow.Tasks.Trigger;

/// <summary>
/// Runs the blob trigger in a worker host (<c>serve</c>, <c>worker</c>): a scan at start, so blobs that arrived
/// while no host ran are picked up, then one every <see cref="BlobTriggerOptions.PollInterval"/>. A failed scan
/// is logged and the next one tries again.
/// </summary>
public sealed partial class BlobTriggerService(BlobTriggerScanner scanner, IOptions<BlobTriggerOptions> options, ILogger<BlobTriggerService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.PollInterval);
        do
        {
            try
            {
                await scanner.ScanAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogScanFailed(logger, e);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(EventId = 711, Level = LogLevel.Warning, Message = "Blob trigger scan failed; the next scan tries again")]
    private static partial void LogScanFailed(ILogger logger, Exception exception);
}
