using VideoPipeline.Domain;

namespace VideoPipeline.Providers.AzureOpenAI;

/// <summary>Records one Azure OpenAI call in the <see cref="UsageLedger"/>, priced from the capability's configured unit prices.</summary>
internal static class AzureOpenAIUsage
{
    public const string Provider = "azure-openai";

    public static ProviderUsage Record(
        string operation,
        AzureOpenAIDeployment deployment,
        AzureOpenAICapabilityOptions pricing,
        string currency,
        TimeSpan wall,
        IReadOnlyDictionary<string, double> units,
        TimeSpan? queueWait = null)
    {
        var usage = new ProviderUsage
        {
            Provider = Provider,
            Model = deployment.Label,
            Operation = operation,
            Units = units,
            WallSeconds = Math.Round(wall.TotalSeconds, 3),
            QueueWaitSeconds = Math.Round(queueWait?.TotalSeconds ?? 0, 3),
            EstimatedCost = Cost(units, pricing.Prices),
            Currency = currency,
        };
        UsageLedger.Record(usage);
        return usage;
    }

    public static decimal Cost(IReadOnlyDictionary<string, double> units, IReadOnlyDictionary<string, decimal> prices) =>
        units.Sum(u => prices.TryGetValue(u.Key, out var price) ? price * (decimal)u.Value : 0m);
}
