using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace VideoPipeline.Tests.Providers.AzureOpenAI;

internal sealed partial class FakeAzureOpenAIServer
{
    public const string ChatPath = "/openai/v1/chat/completions";
    public const string ModerationsPath = "/openai/v1/moderations";

    /// <summary>Text the moderation endpoint flags (as violence and violence/graphic).</summary>
    public const string FlaggedWord = "forbidden";

    private static readonly string[] ModerationCategories = ["harassment", "hate", "illicit", "self-harm", "sexual", "violence", "violence/graphic"];

    private readonly ConcurrentQueue<int> moderatedImages = new();
    private int chatCalls;

    /// <summary>The assistant's content for the n-th chat call (0-based); by default a valid two-scene plan for the requested length.</summary>
    public Func<int, double, string>? PlanContent { get; set; }

    /// <summary>When set, the assistant refuses with this text instead of answering.</summary>
    public string? Refusal { get; set; }

    /// <summary>A plan as the model would write it: one (description, seconds, narration) per scene.</summary>
    public static string Plan(params (string Description, double Seconds, string Narration)[] scenes) =>
        JsonSerializer.Serialize(new
        {
            scenes = scenes.Select((s, i) => new Dictionary<string, object>
            {
                ["scene_number"] = i + 1,
                ["description"] = s.Description,
                ["duration_seconds"] = s.Seconds,
                ["entities"] = new[] { new { type = "person", position = "center", action = "pouring_coffee" } },
                ["visual_style"] = new { lighting = "warm", color_palette = "earth_tones" },
                ["narration"] = s.Narration,
            }),
        });

    private void MapChat()
    {
        this.app.MapPost(ChatPath, async (HttpContext context) =>
        {
            var body = await JsonDocument.ParseAsync(context.Request.Body);
            var user = body.RootElement.GetProperty("messages")[1].GetProperty("content").GetString()!;
            var seconds = JsonDocument.Parse(user).RootElement.GetProperty("duration_seconds").GetDouble();
            var call = Interlocked.Increment(ref this.chatCalls) - 1;
            var content = this.PlanContent?.Invoke(call, seconds)
                ?? Plan(("Wide shot of a sunny kitchen", seconds / 2, "Mornings start here."), ("Close-up of coffee pouring", seconds / 2, "Fresh coffee, every day."));
            await context.Response.WriteAsJsonAsync(new
            {
                id = "chatcmpl-fake",
                @object = "chat.completion",
                model = body.RootElement.GetProperty("model").GetString(),
                choices = new[]
                {
                    new
                    {
                        index = 0,
                        finish_reason = "stop",
                        message = new { role = "assistant", content = this.Refusal is null ? content : null, refusal = this.Refusal },
                    },
                },
                usage = new { prompt_tokens = 120, completion_tokens = 80, total_tokens = 200 },
            });
        });

        this.app.MapPost(ModerationsPath, async (HttpContext context) =>
        {
            var body = await JsonDocument.ParseAsync(context.Request.Body);
            var input = body.RootElement.GetProperty("input");
            bool flagged;
            if (input.ValueKind == JsonValueKind.Array)
            {
                // Multi-modal input: images as data URLs; one result for the whole array, as the service answers.
                var jpegs = input.EnumerateArray().Select(JpegOf).ToList();
                if (jpegs.Any(j => j is null))
                {
                    await RefuseAsync(context, 400, "invalid_request_error", "each input must be {type:image_url, image_url:{url:data:image/jpeg;base64,…}}");
                    return;
                }

                this.moderatedImages.Enqueue(jpegs.Count);
                flagged = this.FlagImages;
            }
            else
            {
                flagged = input.GetString()!.Contains(FlaggedWord, StringComparison.OrdinalIgnoreCase);
            }

            var categories = ModerationCategories
                .ToDictionary(c => c, c => flagged && c.StartsWith("violence", StringComparison.Ordinal));
            await context.Response.WriteAsJsonAsync(new
            {
                id = "modr-fake",
                model = body.RootElement.GetProperty("model").GetString(),
                results = new[]
                {
                    new
                    {
                        flagged,
                        categories,
                        category_scores = categories.ToDictionary(c => c.Key, c => c.Value ? 0.93 : 0.01),
                    },
                },
            });
        });
    }

    /// <summary>When set, every image moderation request is flagged (violence).</summary>
    public bool FlagImages { get; set; }

    /// <summary>The number of images in each image moderation request, in order.</summary>
    public IReadOnlyList<int> ModeratedImages => [.. this.moderatedImages];

    private static byte[]? JpegOf(JsonElement item)
    {
        const string Prefix = "data:image/jpeg;base64,";
        if (item.ValueKind != JsonValueKind.Object || item.GetProperty("type").GetString() != "image_url"
            || item.GetProperty("image_url").GetProperty("url").GetString() is not { } url || !url.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var bytes = Convert.FromBase64String(url[Prefix.Length..]);
        return bytes.Length > 2 && bytes[0] == 0xFF && bytes[1] == 0xD8 ? bytes : null;
    }

    private static double Number(JsonElement element, string name, double fallback) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble()
        : value.ValueKind == JsonValueKind.String && double.TryParse(value.GetString(), CultureInfo.InvariantCulture, out var parsed) ? parsed
        : fallback;
}
