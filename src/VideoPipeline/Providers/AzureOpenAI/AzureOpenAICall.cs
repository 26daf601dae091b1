using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VideoPipeline.Providers.AzureOpenAI;

/// <summary>
/// One logical call to the v1 API (<c>{endpoint}/openai/v1/…</c>: Sora, speech, moderations, which the SDK's GA
/// clients do not cover), sent through the SDK's <see cref="ClientPipeline"/>: what it is (for errors and logs),
/// where it may go, and how to build the request for a deployment.
/// </summary>
/// <param name="Operation">Named in errors and the usage ledger, e.g. "moderations" or "sora-2 poll".</param>
/// <param name="Deployments">Tried in order; a 429 or quota error moves on to the next.</param>
/// <param name="Timeout">Per attempt.</param>
/// <param name="CreateRequest">Called per deployment tried: a failover builds the request again.</param>
public sealed record AzureOpenAICall(
    string Operation,
    IReadOnlyList<AzureOpenAIDeployment> Deployments,
    TimeSpan Timeout,
    Func<AzureOpenAIDeployment, AzureOpenAIRequest> CreateRequest)
{
    /// <summary>Leave the body on the wire for the caller to stream (downloads to a file).</summary>
    public bool Streamed { get; init; }

    /// <summary>Statuses that count as success, e.g. 404 when deleting something already gone.</summary>
    public IReadOnlyCollection<int> AlsoSuccessful { get; init; } = [];
}

/// <summary>A v1 request: method, absolute URL (<see cref="AzureOpenAIDeployment.Url"/>) and an optional JSON body.</summary>
public sealed record AzureOpenAIRequest(string Method, Uri Url, JsonNode? Body = null)
{
    public static AzureOpenAIRequest Get(Uri url) => new("GET", url);

    public static AzureOpenAIRequest Delete(Uri url) => new("DELETE", url);

    public static AzureOpenAIRequest Post(Uri url, JsonNode body) => new("POST", url, body);
}

/// <summary>A successful response and the deployment that gave it. The caller disposes it.</summary>
/// <param name="Elapsed">The whole call, retries and failovers included.</param>
public sealed record AzureOpenAIResponse(PipelineResponse Message, AzureOpenAIDeployment Deployment, TimeSpan Elapsed) : IDisposable
{
    /// <summary>The body: the network stream of a streamed call, else the buffered content.</summary>
    public Stream Body => this.Message.ContentStream ?? this.Message.Content.ToStream();

    public void Dispose() => this.Message.Dispose();
}

/// <summary>A successful JSON response: the body (an object), who answered, how long it took, and any Retry-After.</summary>
public sealed record AzureOpenAIJson(JsonElement Body, AzureOpenAIDeployment Deployment, TimeSpan Elapsed, TimeSpan? RetryAfter);

/// <summary>What an SDK call returned, the deployment that answered, and how long the whole call took.</summary>
public sealed record AzureOpenAIResult<T>(T Value, AzureOpenAIDeployment Deployment, TimeSpan Elapsed);
