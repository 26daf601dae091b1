using Microsoft.Extensions.Logging;

namespace VideoPipeline.Jobs;

/// <summary>
/// Writes an activity's progress into its job's task record: whole points only, at most one write in flight and one
/// per <see cref="MinInterval"/>, the latest value last. Never fails the activity (progress is a courtesy).
/// </summary>
public sealed partial class JobProgressReporter(JobEventRecorder recorder, TimeProvider time, ILogger<JobProgressReporter> logger)
{
    private JobEventRecorder Recorder => recorder;

    private TimeProvider Time => time;

    private ILogger Logger => logger;

    public static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>A progress sink for one activity; <see cref="Sink.FlushAsync"/> writes what is left.</summary>
    public Sink For(JobProgressTarget? target) => new(this, target);

    public sealed class Sink : IProgress<double>
    {
        private readonly JobProgressReporter owner;
        private readonly JobProgressTarget? target;
        private readonly Lock gate = new();
        private int latest = -1;
        private int written = -1;
        private DateTimeOffset writtenAt;
        private Task writing = Task.CompletedTask;

        internal Sink(JobProgressReporter owner, JobProgressTarget? target) => (this.owner, this.target) = (owner, target);

        public void Report(double value)
        {
            if (this.target is not { } target)
            {
                return;
            }

            lock (this.gate)
            {
                this.latest = Math.Max(this.latest, target.Map(value));
                var now = this.owner.Time.GetUtcNow();
                if (this.latest > this.written && this.writing.IsCompleted && now - this.writtenAt >= MinInterval)
                {
                    this.writing = this.WriteAsync(this.latest, now);
                }
            }
        }

        public async Task FlushAsync()
        {
            Task pending;
            lock (this.gate)
            {
                pending = this.writing;
            }

            await pending;
            if (this.target is not null && this.latest > this.written)
            {
                await this.WriteAsync(this.latest, this.owner.Time.GetUtcNow());
            }
        }

        private async Task WriteAsync(int progress, DateTimeOffset at)
        {
            (this.written, this.writtenAt) = (progress, at);
            try
            {
                await this.owner.Recorder.RecordProgressAsync(this.target!, progress, CancellationToken.None);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogFailed(this.owner.Logger, e, this.target!.JobId);
            }
        }
    }

    [LoggerMessage(EventId = 610, Level = LogLevel.Debug, Message = "Progress of {JobId} not recorded")]
    private static partial void LogFailed(ILogger logger, Exception exception, string jobId);
}
