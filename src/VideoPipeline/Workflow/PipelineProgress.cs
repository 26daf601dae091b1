using Microsoft.DurableTask;

namespace VideoPipeline.Workflow;

/// <summary>
/// Orchestrator-side progress: stage boundaries and counted units of fan-out work, published as
/// custom status. Only deterministic inputs (stage order, completed tasks), so replays agree.
/// </summary>
internal sealed class PipelineProgress(TaskOrchestrationContext context, JobEvents? events = null)
{
    private string stage = Domain.PipelineStage.Pending;
    private int progress;
    private int unitsFrom;
    private int unitsTo;
    private int unitsTotal;
    private int unitsDone;

    public string Stage => this.stage;

    public int Progress => this.progress;

    public void Enter(string newStage, int at, string? message = null)
    {
        this.stage = newStage;
        this.Publish(at, message);
    }

    /// <summary>Spreads [from, to] evenly over <paramref name="total"/> tracked tasks.</summary>
    public void Units(int from, int to, int total)
    {
        (this.unitsFrom, this.unitsTo, this.unitsTotal, this.unitsDone) = (from, to, Math.Max(1, total), 0);
    }

    public async Task<T> Track<T>(Task<T> task)
    {
        var result = await task;
        this.unitsDone++;
        this.Publish(this.unitsFrom + ((this.unitsTo - this.unitsFrom) * this.unitsDone / this.unitsTotal), null);
        return result;
    }

    /// <summary>Runs a step; an activity failure becomes a job failure naming <paramref name="failedStage"/>.</summary>
    public async Task<T> Run<T>(string failedStage, Func<Task<T>> step)
    {
        try
        {
            return await step();
        }
        catch (TaskFailedException e)
        {
            throw this.Fail(PipelineError.From(e, failedStage));
        }
    }

    public PipelineFailedException Fail(PipelineError error)
    {
        context.SetCustomStatus(new PipelineStatus(error.FailedStage, this.progress, error.Message, error, events?.LastSequence ?? 0));
        return new PipelineFailedException(error);
    }

    public void Complete(string message) => this.Enter(Domain.PipelineStage.Completed, 100, message);

    private void Publish(int at, string? message)
    {
        this.progress = Math.Clamp(Math.Max(this.progress, at), 0, 100);
        if (this.stage != Domain.PipelineStage.Completed)
        {
            events?.Progress(this.stage, this.progress);
        }

        // After the event: the status committed with this turn names the last number the job used.
        context.SetCustomStatus(new PipelineStatus(this.stage, this.progress, message, EventSequence: events?.LastSequence ?? 0));
    }
}
