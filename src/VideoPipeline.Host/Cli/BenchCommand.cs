using System.CommandLine;
using VideoPipeline.Host.Bench;
using VideoPipeline.Host.Hosting;

namespace VideoPipeline.Host.Cli;

/// <summary><c>bench [pipeline|durable|storage|all]</c>: speed benchmarks that print ratios measured in the same run.</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var which = new Argument<string>("which") { Description = "pipeline, durable, storage, api or all", DefaultValueFactory = _ => "all" };
        which.AcceptOnlyFromAmong("pipeline", "durable", "storage", "api", "all");
        var duration = new Option<int>("--duration") { Description = "api: seconds the status pollers run", DefaultValueFactory = _ => 30 };
        var command = new Command(
            "bench",
            "Benchmarks: pipeline (30 s generate vs one plain re-encode), durable (1,000-activity fan-out, 100-step chain), storage (256 MiB to Azurite) and api (submit, then 200 clients polling status)")
        {
            which,
            duration,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var selected = result.GetValue(which);
            var exit = ExitCodes.Success;
            if (selected is "pipeline" or "all")
            {
                exit = await PipelineBenchmark.RunAsync(Console.Out, cancellationToken);
            }

            if (exit == ExitCodes.Success && selected is "durable" or "all")
            {
                exit = await DurableBenchmark.RunAsync(Console.Out, cancellationToken);
            }

            if (exit == ExitCodes.Success && selected is "storage" or "all")
            {
                using var host = HostServices.Build();
                exit = await StorageBenchmark.RunAsync(host.Services, Console.Out, cancellationToken);
            }

            if (exit == ExitCodes.Success && selected is "api" or "all")
            {
                exit = await ApiBenchmark.RunAsync(Console.Out, TimeSpan.FromSeconds(Math.Max(1, result.GetValue(duration))), cancellationToken);
            }

            return exit;
        });
        return command;
    }
}
