using System.Globalization;
using Spectre.Console;
using VideoPipeline.Serialization;
using VideoPipeline.Workflow;
using VideoPipeline.Durable.InProcess;

namespace VideoPipeline.Host.Cli;

/// <summary>
/// A progress bar with the current stage on a terminal; one line per stage change otherwise
/// (CI logs, pipes), always on stderr so stdout stays clean.
/// </summary>
public static class ProgressDisplay
{
    public static async Task<T> RunAsync<T>(Func<OrchestrationCallbacks, Task<T>> work)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        if (!console.Profile.Capabilities.Interactive)
        {
            return await RunPlainAsync(work);
        }

        return await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("starting", maxValue: 100);
                var stage = "starting";
                var callbacks = new OrchestrationCallbacks
                {
                    OnCustomStatus = json =>
                    {
                        var status = PipelineJson.Deserialize<PipelineStatus>(json);
                        stage = status.Stage;
                        task.Description = Markup.Escape(stage);
                        task.Value = Math.Max(task.Value, status.Progress);
                    },
                    OnActivityProgress = (name, _, percent) =>
                        task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{stage} · {name} {percent:0}%")),
                };
                var result = await work(callbacks);
                task.StopTask();
                return result;
            });
    }

    private static async Task<T> RunPlainAsync<T>(Func<OrchestrationCallbacks, Task<T>> work)
    {
        var last = "";
        var gate = new object();
        var callbacks = new OrchestrationCallbacks
        {
            OnCustomStatus = json =>
            {
                var status = PipelineJson.Deserialize<PipelineStatus>(json);
                lock (gate)
                {
                    if (status.Stage != last)
                    {
                        last = status.Stage;
                        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{status.Progress,3}%] {status.Stage}{(status.Message is null ? "" : ": " + status.Message)}"));
                    }
                }
            },
        };
        return await work(callbacks);
    }
}
