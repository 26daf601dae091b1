namespace VideoPipeline.Host.Api.Assets;

/// <summary>
/// How a task input names one of the caller's own assets instead of a URL: <c>asset://{id}</c>, <c>/api/assets/{id}</c>,
/// or this API's own <c>http(s)://host/api/assets/{id}</c>. Such inputs are resolved in storage, never fetched over HTTP.
/// </summary>
public static class AssetReference
{
    public const string Scheme = "asset://";
    public const string PathPrefix = "/api/assets/";

    public static bool TryParse(string value, HttpRequest request, out string assetId)
    {
        assetId = string.Empty;
        string? rest = null;
        if (value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            rest = value[Scheme.Length..];
        }
        else if (value.StartsWith(PathPrefix, StringComparison.Ordinal))
        {
            rest = value[PathPrefix.Length..];
        }
        else if (Uri.TryCreate(value, UriKind.Absolute, out var url)
            && string.Equals(url.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
            && url.AbsolutePath.StartsWith(PathPrefix, StringComparison.Ordinal))
        {
            rest = url.AbsolutePath[PathPrefix.Length..];
        }

        if (rest is null)
        {
            return false;
        }

        assetId = rest.Split('?', '#')[0].TrimEnd('/');
        return true;
    }
}
