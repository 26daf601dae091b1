using System.Net.Security;
using System.Text.Json;
using global::Azure.Core;
using global::Azure.Identity;
using Microsoft.Azure.Cosmos;

namespace VideoPipeline.Storage.Tasks;

/// <summary>
/// Builds the <see cref="CosmosClient"/> the task store uses: Gateway mode limited to the configured endpoint
/// (works on Azure and on the local Cosmos DB server), task JSON via System.Text.Json, and the emulator's
/// self-signed certificate accepted only when the endpoint is loopback.
/// </summary>
public static class CosmosClientFactory
{
    public static CosmosClient Create(TaskStoreOptions options, TokenCredential? credential = null)
    {
        var connection = CosmosConnectionString.Parse(options.ConnectionString);
        var clientOptions = new CosmosClientOptions
        {
            ApplicationName = "VideoFunctions",
            ConnectionMode = ConnectionMode.Gateway,
            LimitToEndpoint = true,
            RequestTimeout = options.RequestTimeout,
            UseSystemTextJsonSerializerWithOptions = new JsonSerializerOptions(TaskJson.Options),
        };
        if (connection.IsLoopback)
        {
            // Only for an emulator on this machine: its certificate is self-signed (but must be there).
            clientOptions.ServerCertificateCustomValidationCallback = (_, _, errors) =>
                (errors & SslPolicyErrors.RemoteCertificateNotAvailable) == 0;
        }

        if (connection.AccountKey is { } key)
        {
            return new CosmosClient(connection.Endpoint.ToString(), key, clientOptions);
        }

        credential ??= new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = string.IsNullOrEmpty(options.ManagedIdentityClientId) ? null : options.ManagedIdentityClientId });
        return new CosmosClient(connection.Endpoint.ToString(), credential, clientOptions);
    }
}
