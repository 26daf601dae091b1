using System.Net;

namespace VideoPipeline.Providers.AzureOpenAI;

/// <summary>One Azure OpenAI deployment a capability may use; capabilities list several, in order of preference.</summary>
public sealed class AzureOpenAIDeployment
{
    /// <summary>The resource endpoint, e.g. https://myres.openai.azure.com; "/openai/v1" is added when missing.</summary>
    public string Endpoint { get; set; } = string.Empty;

    /// <summary>Sent as the api-key header; when empty the call carries an Entra ID token instead.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The deployment name, sent as <c>model</c>.</summary>
    public string Deployment { get; set; } = string.Empty;

    /// <summary>"deployment@resource" for logs, errors and the usage ledger; never shows the key.</summary>
    public string Label
    {
        get
        {
            var host = Uri.TryCreate(this.Endpoint, UriKind.Absolute, out var uri) ? uri : null;
            var resource = host is null ? this.Endpoint
                : IPAddress.TryParse(host.Host, out _) ? host.Authority
                : host.Host.Split('.')[0];
            return $"{this.Deployment}@{resource}";
        }
    }

    /// <summary>The resource itself (e.g. https://myres.openai.azure.com/), as the SDK takes it: any "/openai/v1" is dropped.</summary>
    public Uri ResourceEndpoint
    {
        get
        {
            var root = this.Endpoint.TrimEnd('/');
            if (root.EndsWith("/openai/v1", StringComparison.OrdinalIgnoreCase))
            {
                root = root[..^"/openai/v1".Length];
            }

            return new Uri(root + "/", UriKind.Absolute);
        }
    }

    /// <summary>An absolute URL for a path under the v1 API, e.g. "moderations" or "videos/{id}".</summary>
    public Uri Url(string relative) => new(new Uri(this.ResourceEndpoint, "openai/v1/"), relative);

    public bool SameTarget(string endpoint, string deployment) =>
        string.Equals(this.Endpoint.TrimEnd('/'), endpoint.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)
        && string.Equals(this.Deployment, deployment, StringComparison.Ordinal);
}
