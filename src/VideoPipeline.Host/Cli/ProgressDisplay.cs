using System.Globalization;
using Spectre.Console;

namespace VideoPipeline.Host.Cli;

/// <summary>
/// A progress bar with the current stage on a terminal; one line per stage change otherwise
/// (CI logs, pipes), always on stderr so stdout stays clean.
/// </summary>
public static class ProgressDisplay
{
    public static async Task<T> RunAsync<T>(Func<Action<LiveStatus>, Task<T>> work)
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
                var result = await work(status =>
                {
                    task.Description = Markup.Escape(status.Message is null ? status.Stage : $"{status.Stage}: {status.Message}");
                    task.Value = Math.Max(task.Value, status.Progress);
                });
                task.StopTask();
                return result;
            });
    }

    private static async Task<T> RunPlainAsync<T>(Func<Action<LiveStatus>, Task<T>> work)
    {
        var last = "";
        return await work(status =>
        {
            if (status.Stage != last)
            {
                last = status.Stage;
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{status.Progress,3}%] {status.Stage}{(status.Message is null ? "" : ": " + status.Message)}"));
            }
        });
    }
}
