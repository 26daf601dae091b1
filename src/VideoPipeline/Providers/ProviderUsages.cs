using VideoPipeline.Domain;

namespace VideoPipeline.Providers;

public static class ProviderUsages
{
    /// <summary>A local engine's call: no cost, but its quantity and wall time, so the ledger lists every provider call.</summary>
    public static ProviderUsage Local(string provider, string operation, string unit, double quantity, TimeSpan wallTime) => new()
    {
        Provider = provider,
        Operation = operation,
        Units = new Dictionary<string, double> { [unit] = Math.Round(quantity, 3) },
        WallSeconds = Math.Round(wallTime.TotalSeconds, 3),
    };
}
