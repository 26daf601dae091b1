using System.Net;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Options;
using VideoPipeline.Storage.Cosmos;
using VideoPipeline.Storage.Tasks;

namespace VideoPipeline.Webhooks.Secrets;

/// <summary>
/// Per-owner webhook secrets in Cosmos DB, created on first use. Creation is a conditional insert, so two
/// first uses at once agree on one secret (the loser of the insert reads the winner's); rotation is an
/// ETag-guarded replace.
/// </summary>
public sealed class WebhookSecretStore
{
    private const string PartitionKeyPath = "ownerId";
    private readonly LazyCosmosContainer container;
    private readonly WebhookSecretOptions options;
    private readonly TimeProvider time;

    public WebhookSecretStore(CosmosClient client, IOptions<TaskStoreOptions> database, IOptions<WebhookSecretOptions> options, TimeProvider time)
    {
        this.options = options.Value;
        this.time = time;
        this.container = new LazyCosmosContainer(client, database.Value.Database, new ContainerProperties(this.options.Container, "/" + PartitionKeyPath));
    }

    /// <summary>The owner's secret, created now if it has none.</summary>
    public async Task<OwnerWebhookSecret> GetOrCreateAsync(string ownerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerId);
        var secrets = await this.container.GetAsync(cancellationToken);
        if (await secrets.ReadOrNullAsync<OwnerWebhookSecret>(OwnerWebhookSecret.DefaultId, PartitionKeyPath, ownerId, cancellationToken) is { } found)
        {
            return found.Item;
        }

        var created = new OwnerWebhookSecret { OwnerId = ownerId, Secret = WebhookSecret.Generate(), CreatedAt = this.time.GetUtcNow() };
        try
        {
            return (await secrets.CreateItemAsync(created, new PartitionKey(ownerId), cancellationToken: cancellationToken)).Resource;
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            // Another first use won the insert: its secret is the owner's.
            var winner = await secrets.ReadOrNullAsync<OwnerWebhookSecret>(OwnerWebhookSecret.DefaultId, PartitionKeyPath, ownerId, cancellationToken);
            return winner?.Item ?? throw new InvalidOperationException($"The webhook secret of {ownerId} vanished after a conflicting insert");
        }
    }

    /// <summary>Every secret a message is signed with now (the current one first, then one in its grace period).</summary>
    public async Task<IReadOnlyList<string>> GetSigningSecretsAsync(string ownerId, CancellationToken cancellationToken) =>
        (await this.GetOrCreateAsync(ownerId, cancellationToken)).SigningSecrets(this.time.GetUtcNow());

    /// <summary>A new current secret; the old one keeps signing for <see cref="WebhookSecretOptions.RotationGracePeriod"/>.</summary>
    public async Task<OwnerWebhookSecret> RotateAsync(string ownerId, CancellationToken cancellationToken)
    {
        await this.GetOrCreateAsync(ownerId, cancellationToken);
        var secrets = await this.container.GetAsync(cancellationToken);
        var rotated = await secrets.ChangeAsync<OwnerWebhookSecret>(
            OwnerWebhookSecret.DefaultId,
            PartitionKeyPath,
            ownerId,
            current =>
            {
                var now = this.time.GetUtcNow();
                return current with
                {
                    Secret = WebhookSecret.Generate(),
                    CreatedAt = now,
                    PreviousSecret = current.Secret,
                    PreviousExpiresAt = now + this.options.RotationGracePeriod,
                };
            },
            cancellationToken);
        return rotated ?? throw new InvalidOperationException($"The webhook secret of {ownerId} vanished during rotation");
    }
}
