using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace VideoPipeline.Providers.AzureOpenAI.Moderation;

/// <summary>
/// Checks text, and sampled frames as images, with the v1 <c>POST /moderations</c> (omni-moderation) on the SDK
/// pipeline (the SDK has no moderation client for Azure). A flagged
/// input comes back as flagged with the categories the service marked true; the orchestrator turns that
/// into CONTENT_REJECTED.
/// </summary>
public sealed class AzureOpenAIContentModerator(AzureOpenAIRouter router, IOptions<AzureOpenAIModerationOptions> options) : IContentModerator, IFrameModerator
{
    public const string Operation = "moderations";

    public string Name => "azure-openai/" + (options.Value.Deployments.FirstOrDefault()?.Deployment ?? "moderation");

    public Task<ModerationResult> CheckTextAsync(string text, CancellationToken cancellationToken) =>
        this.CheckAsync(() => JsonValue.Create(text), new Dictionary<string, double> { ["characters"] = text.Length }, cancellationToken);

    /// <summary>All frames in one request, each as a data URL (frames are small JPEGs; no upload store needed).</summary>
    public async Task<ModerationResult> CheckImagesAsync(IReadOnlyList<string> jpegPaths, CancellationToken cancellationToken)
    {
        var images = new List<string>(jpegPaths.Count);
        foreach (var path in jpegPaths)
        {
            images.Add("data:image/jpeg;base64," + Convert.ToBase64String(await File.ReadAllBytesAsync(path, cancellationToken)));
        }

        return await this.CheckAsync(
            () => new JsonArray([.. images.Select(url => (JsonNode)new JsonObject
            {
                ["type"] = "image_url",
                ["image_url"] = new JsonObject { ["url"] = url },
            })]),
            new Dictionary<string, double> { ["images"] = images.Count },
            cancellationToken);
    }

    // A fresh input node per attempt: a failover builds the request again, and a JsonNode has one parent.
    private async Task<ModerationResult> CheckAsync(Func<JsonNode> input, Dictionary<string, double> units, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var answer = await router.SendForJsonAsync(
            new AzureOpenAICall(Operation, o.Deployments, o.Timeout, d => AzureOpenAIRequest.Post(d.Url("moderations"), new JsonObject
            {
                ["model"] = d.Deployment,
                ["input"] = input(),
            })),
            cancellationToken);
        AzureOpenAIUsage.Record(Operation, answer.Deployment, o, router.Currency, answer.Elapsed, units);

        var results = answer.Body.Items("results").ToList();
        if (results.Count == 0)
        {
            throw AzureOpenAIRouter.UnexpectedAnswer(Operation, answer.Deployment, "no 'results'");
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
