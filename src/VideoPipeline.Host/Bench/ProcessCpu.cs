using System.Diagnostics;
using System.Globalization;

namespace VideoPipeline.Host.Bench;

/// <summary>CPU seconds used by this process and by the local emulators (found by their command lines in /proc), for CPU splits.</summary>
internal sealed record ProcessCpu(double Self, double Azurite, double Cosmos)
{
    // Linux reports process times in clock ticks of 1/100 s (USER_HZ).
    private const double TicksPerSecond = 100;

    public static ProcessCpu Now() => new(
        Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds,
        Emulator("azurite"),
        Emulator("cosmosdb-server"));

    public ProcessCpu Since(ProcessCpu start) => new(this.Self - start.Self, this.Azurite - start.Azurite, this.Cosmos - start.Cosmos);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"CPU: worker {this.Self:0.0} s, Azurite {this.Azurite:0.0} s, Cosmos DB server {this.Cosmos:0.0} s");

    private static double Emulator(string name)
    {
        double total = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (!int.TryParse(Path.GetFileName(dir), out _) || !File.ReadAllText(Path.Combine(dir, "cmdline")).Contains(name, StringComparison.Ordinal))
                {
                    continue;
                }

                // Fields after the command name in parentheses: state is 3rd, utime 14th, stime 15th.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                total += (double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
            }
            catch (IOException)
            {
                // The process ended meanwhile.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return total;
    }
}
