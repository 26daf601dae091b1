using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace VideoPipeline.Tests.Api;

/// <summary>Raw JSON in and out of the API: tests send exactly the bytes a client would.</summary>
internal static class ApiJson
{
    public const string SmallJob = """{"prompt":"A calm morning kitchen with fresh coffee","duration_seconds":3}""";

    public static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<HttpResponseMessage> PostAsync(this HttpClient client, string path, string json, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Body(json) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>Submits <paramref name="json"/> and returns the new job's id.</summary>
    public static async Task<string> SubmitAsync(this HttpClient client, string json = SmallJob)
    {
        using var response = await client.PostAsync("/api/video/generate", json);
        var body = await response.JsonAsync();
        return response.StatusCode == System.Net.HttpStatusCode.Accepted
            ? body.GetProperty("job_id").GetString()!
            : throw new InvalidOperationException($"generate answered {(int)response.StatusCode}: {body}");
    }

    public static bool IsProblem(this HttpResponseMessage response) =>
        response.Content.Headers.ContentType is MediaTypeHeaderValue { MediaType: "application/problem+json" };
}
