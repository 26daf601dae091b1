using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace VideoPipeline.Providers.AzureOpenAI.Moderation;

/// <summary>
/// Pre-checks text with <c>POST /moderations</c> (omni-moderation). A flagged text comes back as flagged
/// with the categories the service marked true; the orchestrator turns that into CONTENT_REJECTED.
/// </summary>
public sealed class AzureOpenAIContentModerator(AzureOpenAIClient client, IOptions<AzureOpenAIModerationOptions> options) : IContentModerator
{
    public const string Operation = "moderations";

    public string Name => "azure-openai/" + (options.Value.Deployments.FirstOrDefault()?.Deployment ?? "moderation");

    public async Task<ModerationResult> CheckTextAsync(string text, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var answer = await client.SendForJsonAsync(
            new AzureOpenAICall(Operation, o.Deployments, o.Timeout, d => JsonBody.Post(d.Url("moderations"), new JsonObject
            {
                ["model"] = d.Deployment,
                ["input"] = text,
            })),
            cancellationToken);
        AzureOpenAIUsage.Record(Operation, answer.Deployment, o, client.Currency, answer.Elapsed, new Dictionary<string, double> { ["characters"] = text.Length });

        var results = answer.Body.Items("results").ToList();
        if (results.Count == 0)
        {
            throw AzureOpenAIClient.UnexpectedAnswer(Operation, answer.Deployment, "no 'results'");
        }

        var categories = results
            .SelectMany(r => r.Optional("categories") is { ValueKind: JsonValueKind.Object } c ? c.EnumerateObject() : [])
            .Where(c => c.Value.ValueKind == JsonValueKind.True)
            .Select(c => c.Name)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var flagged = results.Any(r => r.Optional("flagged")?.ValueKind == JsonValueKind.True) || categories.Count > 0;
        return new ModerationResult(flagged, categories);
    }
}
