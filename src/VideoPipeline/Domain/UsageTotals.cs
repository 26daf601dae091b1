namespace VideoPipeline.Domain;

/// <summary>The ledger summed: the job's estimated cost and, per provider, cost, time and units.</summary>
public sealed record UsageTotals(decimal EstimatedCost, string Currency, IReadOnlyDictionary<string, ProviderTotals> ByProvider)
{
    public static UsageTotals From(IEnumerable<ProviderUsage> usage)
    {
        var entries = usage.ToList();
        var byProvider = entries
            .GroupBy(u => u.Provider, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => new ProviderTotals(
                    g.Count(),
                    g.Sum(u => u.EstimatedCost),
                    Math.Round(g.Sum(u => u.WallSeconds), 3),
                    Math.Round(g.Sum(u => u.QueueWaitSeconds), 3),
                    g.SelectMany(u => u.Units).GroupBy(u => u.Key, StringComparer.Ordinal).ToDictionary(u => u.Key, u => Math.Round(u.Sum(x => x.Value), 3))));
        var currencies = entries.Where(u => u.EstimatedCost != 0).Select(u => u.Currency).Distinct().ToList();
        return new UsageTotals(entries.Sum(u => u.EstimatedCost), currencies.Count == 1 ? currencies[0] : entries.FirstOrDefault()?.Currency ?? "USD", byProvider);
    }
}

public sealed record ProviderTotals(int Calls, decimal EstimatedCost, double WallSeconds, double QueueWaitSeconds, IReadOnlyDictionary<string, double> Units);
