using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace VideoPipeline.Providers.AzureOpenAI;

/// <summary>Builds JSON requests; bodies are written as <see cref="JsonObject"/>s so every wire name is spelled out.</summary>
internal static class JsonBody
{
    public static HttpRequestMessage Post(Uri url, JsonObject body) => new(HttpMethod.Post, url)
    {
        Content = new StringContent(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
    };
}
