using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VideoPipeline.Jobs.Admission;

/// <summary>
/// In every worker host: admits waiting jobs into free slots and tells their orchestrations, and frees the slots of
/// jobs that ended without leaving (terminated, or failed in a way that skipped their last step). Orchestrations
/// hand slots on themselves when they finish; this covers everything else within <see cref="AdmissionOptions.PollInterval"/>.
/// </summary>
public sealed partial class AdmissionController(
    JobAdmission admission,
    DurableTaskClient client,
    IOptions<AdmissionOptions> options,
    IOptions<Durable.DurableTaskOptions> durable,
    TimeProvider time,
    ILogger<AdmissionController> logger)
    : BackgroundService
{
    /// <summary>A slot holder whose orchestration does not exist yet is given this long to appear (submit writes the ticket first).</summary>
    private static readonly TimeSpan StartGrace = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A host that only starts and reads jobs leaves admission to the workers.
        if (!durable.Value.WorkerEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        do
        {
            foreach (var line in admission.Lines)
            {
                try
                {
                    await this.RunOnceAsync(line, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(logger, e, line);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass over a line: free the slots of ended jobs, then fill free slots.</summary>
    public async Task RunOnceAsync(string line, CancellationToken cancellationToken)
    {
        var view = await admission.ReadAsync(line, cancellationToken);
        foreach (var holder in view.Holders)
        {
            if (await this.EndedAsync(holder.JobId, holder.AdmittedAt, cancellationToken))
            {
                await this.NotifyAsync(await admission.LeaveAsync(line, holder.JobId, cancellationToken), cancellationToken);
            }
        }

        var admitted = await admission.AdmitWaitingAsync(line, async id => !await this.EndedAsync(id, null, cancellationToken), cancellationToken);
        await this.NotifyAsync(admitted, cancellationToken);
    }

    private async Task<bool> EndedAsync(string jobId, DateTimeOffset? admittedAt, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(jobId, getInputsAndOutputs: false, cancellationToken);
        return instance is null
            ? admittedAt is { } at && time.GetUtcNow() - at > StartGrace
            : instance.IsCompleted;
    }

    private async Task NotifyAsync(IReadOnlyList<string> admitted, CancellationToken cancellationToken)
    {
        foreach (var id in admitted)
        {
            // A lost event only delays: the orchestration asks again every RecheckInterval.
            await client.RaiseEventAsync(id, AdmissionSteps.AdmittedEvent, true, cancellationToken);
            LogAdmitted(logger, id);
        }
    }

    [LoggerMessage(EventId = 2400, Level = LogLevel.Debug, Message = "Admitted {JobId}")]
    private static partial void LogAdmitted(ILogger logger, string jobId);

    [LoggerMessage(EventId = 2401, Level = LogLevel.Warning, Message = "Admission pass over line {Line} failed; trying again")]
    private static partial void LogFailed(ILogger logger, Exception exception, string line);
}
