using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using Azure.AI.OpenAI;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Options;

namespace VideoPipeline.Providers.AzureOpenAI;

/// <summary>
/// The SDK's <see cref="AzureOpenAIClient"/> per resource: one for each endpoint, key (an Entra ID credential when a
/// deployment has none) and per-attempt timeout, created on first use and shared. Every client runs the
/// <see cref="DeploymentRetryPolicy"/> over the same <see cref="HttpClient"/>.
/// </summary>
public sealed class AzureOpenAIClients(IOptions<AzureOpenAIOptions> options, HttpClient http, TokenCredential? credential = null)
{
    private readonly ConcurrentDictionary<(string Endpoint, string? Key, TimeSpan Timeout), AzureOpenAIClient> clients = new();
    private readonly Lazy<TokenCredential> entra = new(() => credential ?? new DefaultAzureCredential(new DefaultAzureCredentialOptions
    {
        ManagedIdentityClientId = string.IsNullOrEmpty(options.Value.ManagedIdentityClientId) ? null : options.Value.ManagedIdentityClientId,
    }));

    public AzureOpenAIClient For(AzureOpenAIDeployment deployment, TimeSpan timeout)
    {
        var key = string.IsNullOrEmpty(deployment.ApiKey) ? null : deployment.ApiKey;
        return this.clients.GetOrAdd((deployment.ResourceEndpoint.ToString(), key, timeout), target =>
        {
            var clientOptions = new AzureOpenAIClientOptions
            {
                RetryPolicy = new DeploymentRetryPolicy(options.Value),
                NetworkTimeout = target.Timeout,
                Transport = new HttpClientPipelineTransport(http),
                UserAgentApplicationId = "VideoFunctions",
            };
            var endpoint = new Uri(target.Endpoint);
            return target.Key is { } apiKey
                ? new AzureOpenAIClient(endpoint, new ApiKeyCredential(apiKey), clientOptions)
                : new AzureOpenAIClient(endpoint, this.entra.Value, clientOptions);
        });
    }
}
