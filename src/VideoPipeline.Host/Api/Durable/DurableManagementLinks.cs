using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VideoPipeline.Durable;
using VideoPipeline.Host.Api.Auth;

namespace VideoPipeline.Host.Api.Durable;

/// <summary>
/// Durable Functions' <c>CreateCheckStatusResponse</c> links for one instance, on this host. <c>{eventName}</c>
/// and <c>{text}</c> are literal placeholders, as in Durable. A caller that authenticated with <c>?code=</c>
/// gets links carrying it (Durable tooling follows them as given); a header caller's key is never echoed.
/// </summary>
public sealed record DurableManagementLinks(
    Uri StatusQueryGetUri, Uri SendEventPostUri, Uri TerminatePostUri, Uri PurgeHistoryDeleteUri, Uri SuspendPostUri, Uri ResumePostUri)
{
    public const string BasePath = "/runtime/webhooks/durabletask";

    public static DurableManagementLinks For(HttpRequest request, string instanceId)
    {
        var hub = request.HttpContext.RequestServices.GetRequiredService<IOptions<DurableTaskOptions>>().Value.HubName;
        var query = "taskHub=" + Uri.EscapeDataString(hub);
        if (request.Query[ApiKeyAuthenticationHandler.QueryName].FirstOrDefault() is { Length: > 0 } code)
        {
            query += "&code=" + Uri.EscapeDataString(code);
        }

        var instance = $"{request.Scheme}://{request.Host}{request.PathBase}{BasePath}/instances/{Uri.EscapeDataString(instanceId)}";
        return new DurableManagementLinks(
            new Uri($"{instance}?{query}"),
            new Uri($"{instance}/raiseEvent/{{eventName}}?{query}"),
            new Uri($"{instance}/terminate?reason={{text}}&{query}"),
            new Uri($"{instance}?{query}"),
            new Uri($"{instance}/suspend?reason={{text}}&{query}"),
            new Uri($"{instance}/resume?reason={{text}}&{query}"));
    }
}
