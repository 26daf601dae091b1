using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using VideoPipeline.Storage.Account;

namespace VideoPipeline.Storage;

/// <summary>
/// Read-only blob links that expire. An account reached with its key (Azurite, a key connection string) signs a
/// service SAS with it; an account reached with Entra ID signs a user-delegation SAS with a delegation key, fetched
/// once and reused while it outlives the links. Links are https-only except on the local emulator, which speaks http.
/// </summary>
public sealed class BlobReadLinks(BlobServiceClient blobs, StorageConnection connection, TimeProvider? time = null) : IDisposable
{
    // The service gives delegation keys for at most 7 days; a little is kept back for clock skew.
    private static readonly TimeSpan KeyLifetime = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly TimeProvider time = time ?? TimeProvider.System;
    private readonly SemaphoreSlim refresh = new(1, 1);
    private volatile UserDelegationKey? delegationKey;

    /// <summary>The protocol every link allows: https only, or https and http on the local emulator.</summary>
    public SasProtocol Protocol => connection.IsLocalEmulator ? SasProtocol.HttpsAndHttp : SasProtocol.Https;

    public void Dispose() => this.refresh.Dispose();

    /// <exception cref="InvalidOperationException">The connection can sign nothing (a SAS connection string without a key).</exception>
    public async Task<Uri> CreateAsync(string container, string name, DateTimeOffset expiresOn, CancellationToken cancellationToken = default)
    {
        var blob = blobs.GetBlobContainerClient(container).GetBlobClient(name);
        var sas = new BlobSasBuilder(BlobSasPermissions.Read, expiresOn)
        {
            BlobContainerName = container,
            BlobName = name,
            Resource = "b",
            Protocol = this.Protocol,
        };
        if (blob.CanGenerateSasUri)
        {
            return blob.GenerateSasUri(sas);
        }

        if (connection.Credential is null)
        {
            throw new InvalidOperationException(
                $"Read links need the storage account key or an Entra ID identity; {StorageConnection.Name} has neither (a SAS connection string cannot sign links)");
        }

        var key = await this.DelegationKeyAsync(expiresOn, cancellationToken);
        sas.ExpiresOn = expiresOn < key.SignedExpiresOn ? expiresOn : key.SignedExpiresOn;
        return new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key, blobs.AccountName) }.ToUri();
    }

    private async Task<UserDelegationKey> DelegationKeyAsync(DateTimeOffset coveringUntil, CancellationToken cancellationToken)
    {
        if (this.delegationKey is { } cached && cached.SignedExpiresOn >= coveringUntil)
        {
            return cached;
        }

        await this.refresh.WaitAsync(cancellationToken);
        try
        {
            if (this.delegationKey is { } fresh && fresh.SignedExpiresOn >= coveringUntil)
            {
                return fresh;
            }

            var now = this.time.GetUtcNow();
            var response = await blobs.GetUserDelegationKeyAsync(now - ClockSkew, now + KeyLifetime, cancellationToken);
            return this.delegationKey = response.Value;
        }
        finally
        {
            this.refresh.Release();
        }
    }
}
