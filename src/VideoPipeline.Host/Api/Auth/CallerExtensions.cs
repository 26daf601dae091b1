using System.Security.Claims;

namespace VideoPipeline.Host.Api.Auth;

public static class CallerExtensions
{
    /// <summary>The owner of the API key the request came with (endpoints require one).</summary>
    public static string OwnerId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The request is not authenticated");
}
