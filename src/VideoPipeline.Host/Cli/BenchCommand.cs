using System.CommandLine;
using VideoPipeline.Host.Bench;

namespace VideoPipeline.Host.Cli;

/// <summary><c>bench</c>: speed benchmarks that print ratios measured in the same run.</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "Full 30 s generate vs one plain re-encode of its output, measured in one run");
        command.SetAction((_, cancellationToken) => PipelineBenchmark.RunAsync(Console.Out, cancellationToken));
        return command;
    }
}
