using global::Azure.Core;

namespace VideoPipeline.Storage.Azure;

/// <summary>
/// Entra ID (OAuth bearer) authorization for accounts reached without a key, e.g. with a managed identity.
/// The token is cached until five minutes before it expires.
/// </summary>
internal sealed class TokenCredentialAuthorizer(TokenCredential credential) : IStorageRequestAuthorizer
{
    public const string Scope = "https://storage.azure.com/.default";

    private readonly Lock gate = new();
    private Task<AccessToken>? token;

    public async ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Task<AccessToken> current;
        lock (this.gate)
        {
            // One refresh at a time, shared by every request waiting for it; a failed one is tried again next time.
            if (this.token is null || this.token.IsFaulted || this.token.IsCanceled || (this.token.IsCompletedSuccessfully && IsStale(this.token.Result)))
            {
                this.token = credential.GetTokenAsync(new TokenRequestContext([Scope]), CancellationToken.None).AsTask();
            }

            current = this.token;
        }

        var accessToken = await current.WaitAsync(cancellationToken);
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + accessToken.Token);
    }

    private static bool IsStale(AccessToken token) =>
        token.ExpiresOn <= DateTimeOffset.UtcNow.AddMinutes(5);
}
