using System.Net;

namespace VideoPipeline.Providers.AzureOpenAI;

/// <summary>One logical call: what it is (for errors and logs), where it may go, and how to build each attempt's request.</summary>
/// <param name="Operation">Named in errors and the usage ledger, e.g. "chat.completions" or "sora-2 poll".</param>
/// <param name="Deployments">Tried in order; a 429 or quota error moves on to the next.</param>
/// <param name="Timeout">Per attempt.</param>
/// <param name="CreateRequest">Called once per attempt, because a sent request cannot be sent again.</param>
public sealed record AzureOpenAICall(
    string Operation,
    IReadOnlyList<AzureOpenAIDeployment> Deployments,
    TimeSpan Timeout,
    Func<AzureOpenAIDeployment, HttpRequestMessage> CreateRequest)
{
    /// <summary>ResponseHeadersRead for downloads that stream to a file.</summary>
    public HttpCompletionOption Completion { get; init; } = HttpCompletionOption.ResponseContentRead;

    /// <summary>Statuses that count as success, e.g. 404 when deleting something already gone.</summary>
    public IReadOnlyCollection<HttpStatusCode> AlsoSuccessful { get; init; } = [];
}

/// <summary>A successful response and the deployment that gave it. The caller disposes it.</summary>
/// <param name="Elapsed">The whole call, retries and failovers included.</param>
public sealed record AzureOpenAIResponse(HttpResponseMessage Message, AzureOpenAIDeployment Deployment, TimeSpan Elapsed) : IDisposable
{
    public void Dispose() => this.Message.Dispose();
}

/// <summary>A successful JSON response: the body (an object), who answered, how long it took, and any Retry-After.</summary>
public sealed record AzureOpenAIJson(System.Text.Json.JsonElement Body, AzureOpenAIDeployment Deployment, TimeSpan Elapsed, TimeSpan? RetryAfter);
