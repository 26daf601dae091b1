using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VideoPipeline.Host.Api.Auth;

/// <summary>
/// Functions-style keys: the <c>x-functions-key</c> header or the <c>code</c> query parameter. The
/// principal carries the key's owner, which every endpoint scopes its reads and writes to.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "FunctionsKey";
    public const string HeaderName = "x-functions-key";
    public const string QueryName = "code";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = this.Request.Headers[HeaderName].FirstOrDefault() ?? this.Request.Query[QueryName].FirstOrDefault();
        if (string.IsNullOrEmpty(key))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (keys.OwnerOf(key) is not { } owner)
        {
            return Task.FromResult(AuthenticateResult.Fail("unknown API key"));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, owner)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        this.Response.StatusCode = StatusCodes.Status401Unauthorized;
        await Results.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "API key required",
            detail: $"Send a valid key in the {HeaderName} header or the {QueryName} query parameter.").ExecuteAsync(this.Context);
    }
}
