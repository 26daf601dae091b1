using VideoPipeline.Providers;

namespace VideoPipeline.Providers.AzureOpenAI.Video;

/// <summary>
/// What a Sora ticket keeps: the endpoint and deployment that accepted the job (polls, downloads and
/// cancels must go there), and the size, length and adjustments asked for. Never the key.
/// </summary>
internal static class SoraTicket
{
    public const string Endpoint = "endpoint";
    public const string Deployment = "deployment";
    public const string Size = "size";
    public const string Seconds = "seconds";
    public const string Adjustments = "adjustments";

    public static VideoJobTicket Create(string provider, string jobId, AzureOpenAIDeployment deployment, SoraShape shape) =>
        new(provider, jobId)
        {
            Data = new Dictionary<string, string>
            {
                [Endpoint] = deployment.Endpoint,
                [Deployment] = deployment.Deployment,
                [Size] = shape.Size,
                [Seconds] = shape.Seconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [Adjustments] = string.Join("; ", shape.Adjustments),
            },
        };

    /// <summary>The configured deployment (for its key) that took the job; without one, the same target with an Entra token.</summary>
    public static AzureOpenAIDeployment DeploymentOf(VideoJobTicket ticket, string provider, IReadOnlyList<AzureOpenAIDeployment> configured)
    {
        if (ticket.Provider != provider)
        {
            throw new ArgumentException($"ticket of '{ticket.Provider}' given to '{provider}'", nameof(ticket));
        }

        if (!ticket.Data.TryGetValue(Endpoint, out var endpoint) || !ticket.Data.TryGetValue(Deployment, out var deployment))
        {
            throw new ArgumentException($"ticket {ticket.JobId} does not say which endpoint and deployment took the job", nameof(ticket));
        }

        return configured.FirstOrDefault(d => d.SameTarget(endpoint, deployment))
            ?? new AzureOpenAIDeployment { Endpoint = endpoint, Deployment = deployment };
    }
}
