using VideoPipeline.Domain;
using VideoPipeline.Media;
using Microsoft.DurableTask;
using VideoPipeline.Durable;

namespace VideoPipeline.Workflow;

/// <summary>Seed 002's job error: why it failed, whether retrying could help, and where.</summary>
public sealed record PipelineError(string Code, string Message, bool Retryable, string FailedStage)
{
    public static PipelineError From(TaskFailedException failure, string stage)
    {
        var details = failure.FailureDetails;
        var permanent = PipelineRetry.IsPermanent(details);
        var code = details.Property("code")
            ?? (details.Is<Durable.Activities.ActivityPoisonedException>() ? ErrorCodes.WorkerCrashed
                : details.Is<TimeoutException>() ? "TIMEOUT"
                : details.Is<ExternalToolException>() ? ErrorCodes.ToolFailed
                : ErrorCodes.StageFailed);
        return new PipelineError(code, FirstLine(details.ErrorMessage), !permanent, stage);
    }

    // Tool errors carry the command line and stderr on later lines; the first line says what happened.
    private static string FirstLine(string message)
    {
        var newline = message.IndexOfAny(['\r', '\n']);
        return newline < 0 ? message : message[..newline];
    }
}

/// <summary>Thrown by the orchestrator to fail the job; the structured error is also in the custom status.</summary>
public sealed class PipelineFailedException : Exception
{
    public PipelineFailedException(PipelineError error)
        : base($"{error.FailedStage}: {error.Message}")
    {
        this.Error = error;
        this.Data["code"] = error.Code;
        this.Data["failed_stage"] = error.FailedStage;
        this.Data["retryable"] = error.Retryable;
    }

    public PipelineError Error { get; }
}
