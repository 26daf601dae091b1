using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace VideoPipeline.Storage.Azure;

public sealed partial class BlobServiceClient
{
    /// <summary>
    /// A read-only service SAS URL for one blob, valid until <paramref name="expiresOn"/>: the link users receive.
    /// Needs an account key (Shared Key accounts); an Entra-only account would need a user delegation SAS instead.
    /// </summary>
    public Uri CreateReadSasUri(string container, string name, DateTimeOffset expiresOn)
    {
        var key = this.connection.AccountKey ?? throw new InvalidOperationException(
            "A read SAS needs the storage account key; this account is configured for Entra ID only (no AccountKey in Storage:ConnectionString)");
        var blobUri = this.BlobUri(container, name);
        var expiry = expiresOn.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var protocol = blobUri.Scheme == Uri.UriSchemeHttps ? "https" : "https,http";
        const string version = StorageHttpPipeline.ApiVersion;

        // Service SAS string-to-sign for sv >= 2020-12-06: sp, st, se, resource, si, sip, spr, sv, sr, snapshot, ses, rscc..rsct.
        var canonical = $"/blob/{this.connection.AccountName}/{container}/{name}";
        string[] fields = ["r", string.Empty, expiry, canonical, string.Empty, string.Empty, protocol, version, "b",
            string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty];
        var signature = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(string.Join('\n', fields))));

        var query = $"sv={version}&se={Uri.EscapeDataString(expiry)}&sr=b&sp=r&spr={Uri.EscapeDataString(protocol)}&sig={Uri.EscapeDataString(signature)}";
        return new Uri($"{blobUri}?{query}");
    }
}
