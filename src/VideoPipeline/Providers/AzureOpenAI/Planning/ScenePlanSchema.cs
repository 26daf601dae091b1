using System.Globalization;
using System.Text.Json.Nodes;
using VideoPipeline.Domain;

namespace VideoPipeline.Providers.AzureOpenAI.Planning;

/// <summary>
/// The structured-output contract: seed 002's plan-scenes response plus a narration line per scene, as a
/// strict JSON schema (every property required, no extras, as strict mode demands), and the instructions.
/// </summary>
internal static class ScenePlanSchema
{
    public const string Name = "scene_plan";

    public const string Json = """
        {
          "type": "object",
          "additionalProperties": false,
          "required": ["scenes"],
          "properties": {
            "scenes": {
              "type": "array",
              "items": {
                "type": "object",
                "additionalProperties": false,
                "required": ["scene_number", "description", "duration_seconds", "entities", "visual_style", "narration"],
                "properties": {
                  "scene_number": { "type": "integer" },
                  "description": { "type": "string", "description": "What the camera shows, as a prompt for a text-to-video model." },
                  "duration_seconds": { "type": "number" },
                  "entities": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "additionalProperties": false,
                      "required": ["type", "position", "action"],
                      "properties": {
                        "type": { "type": "string" },
                        "position": { "type": "string" },
                        "action": { "type": "string" }
                      }
                    }
                  },
                  "visual_style": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["lighting", "color_palette"],
                    "properties": {
                      "lighting": { "type": "string" },
                      "color_palette": { "type": "string" }
                    }
                  },
                  "narration": { "type": "string", "description": "What the voice-over says during this scene; may be empty." }
                }
              }
            }
          }
        }
        """;

    public const string Instructions = """
        You plan short marketing videos. Split the video into scenes and answer with the scene plan only.
        Rules:
        - Between 1 and 20 scenes, each at least 1.5 seconds long; number them from 1.
        - The scene durations must add up exactly to duration_seconds.
        - Each description is a concrete, visual prompt for a text-to-video model (subject, setting, camera).
        - Entities are the people or things on screen: type, position in frame, action in snake_case.
        - Narration is spoken at about 2.5 words per second and must fit its scene.
        - When a script is given, the narration must be the script itself, split over the scenes in order,
          word for word, with nothing added, dropped or reworded.
        """;

    /// <summary>Structured output: the answer must be a plan matching <see cref="Json"/> (strict).</summary>
    public static OpenAI.Chat.ChatResponseFormat ResponseFormat() =>
        OpenAI.Chat.ChatResponseFormat.CreateJsonSchemaFormat(Name, BinaryData.FromString(Json), jsonSchemaIsStrict: true);

    public static string Request(PlanRequest request)
    {
        var body = new JsonObject
        {
            ["prompt"] = request.Prompt,
            ["duration_seconds"] = Math.Round(request.DurationSeconds, 3),
            ["style"] = request.Style,
        };
        if (!string.IsNullOrWhiteSpace(request.Script))
        {
            body["script"] = request.Script;
        }

        if (request.StylePreferences.Count > 0)
        {
            body["style_preferences"] = new JsonObject(request.StylePreferences.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));
        }

        return body.ToJsonString();
    }

    public static string Correction(string problem, double total) =>
        string.Create(CultureInfo.InvariantCulture, $"That plan is invalid: {problem}. Answer with a corrected plan whose durations add up to {total:0.###} seconds.");
}
