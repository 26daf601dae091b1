using System.Text.Json;

namespace VideoPipeline.Providers.AzureOpenAI;

/// <summary>
/// The error body Azure OpenAI and OpenAI send: <c>{"error":{"code","message","innererror"|"inner_error":{"code"}}}</c>.
/// Parsed leniently: a body that is not such JSON gives its first characters as the message.
/// </summary>
public sealed record AzureOpenAIError(string? Code, string? InnerCode, string Message)
{
    private static readonly string[] ContentFilterCodes =
        ["content_filter", "ResponsibleAIPolicyViolation", "moderation_blocked", "content_policy_violation"];

    /// <summary>Refused by the content filter: another deployment or a retry would refuse it too.</summary>
    public bool IsContentFilter =>
        ContentFilterCodes.Any(c => string.Equals(c, this.Code, StringComparison.OrdinalIgnoreCase)
            || string.Equals(c, this.InnerCode, StringComparison.OrdinalIgnoreCase));

    /// <summary>Out of quota (insufficient_quota, QuotaExceeded): as good as a 429 for choosing another deployment.</summary>
    public bool IsQuota =>
        (this.Code ?? string.Empty).Contains("quota", StringComparison.OrdinalIgnoreCase)
        || (this.InnerCode ?? string.Empty).Contains("quota", StringComparison.OrdinalIgnoreCase);

    public static AzureOpenAIError Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.String)
                {
                    return new AzureOpenAIError(null, null, error.GetString() ?? string.Empty);
                }

                var inner = error.Optional("innererror") ?? error.Optional("inner_error");
                return new AzureOpenAIError(
                    error.OptionalString("code"),
                    inner?.OptionalString("code"),
                    error.OptionalString("message") ?? string.Empty);
            }
        }
        catch (JsonException)
        {
        }

        var text = body.Trim();
        return new AzureOpenAIError(null, null, text.Length > 200 ? text[..200] + "…" : text);
    }
}
