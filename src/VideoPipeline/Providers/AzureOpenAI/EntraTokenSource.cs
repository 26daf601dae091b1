using global::Azure.Core;

namespace VideoPipeline.Providers.AzureOpenAI;

/// <summary>
/// Entra ID tokens for deployments configured without a key. A token is reused until five minutes
/// before it expires; two callers racing a refresh both fetch one, which is harmless.
/// </summary>
internal sealed class EntraTokenSource(Func<TokenCredential> credential)
{
    public const string Scope = "https://cognitiveservices.azure.com/.default";

    private readonly Lazy<TokenCredential> credential = new(credential);
    private volatile CachedToken? cached;

    public async ValueTask<string> GetTokenAsync(TimeProvider clock, CancellationToken cancellationToken)
    {
        var current = this.cached;
        if (current is null || current.ExpiresOn <= clock.GetUtcNow().AddMinutes(5))
        {
            var token = await this.credential.Value.GetTokenAsync(new TokenRequestContext([Scope]), cancellationToken);
            this.cached = current = new CachedToken(token.Token, token.ExpiresOn);
        }

        return current.Token;
    }

    private sealed record CachedToken(string Token, DateTimeOffset ExpiresOn);
}
