using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain;
using OpenAI.Chat;
using VideoPipeline.Providers.Offline.Planning;

namespace VideoPipeline.Providers.AzureOpenAI.Planning;

/// <summary>
/// Plans scenes with a chat deployment (the SDK's <see cref="ChatClient"/>) and a strict JSON-schema structured output. The plan is checked
/// (<see cref="ScenePlanValidator"/>); an invalid one is sent back once with the problem, and a second
/// invalid one gives way to the offline <see cref="RuleBasedScenePlanner"/>, with a warning saying so.
/// Transport failures are not plan problems: they surface as transient or permanent pipeline errors.
/// </summary>
public sealed class AzureOpenAIScenePlanner(
    AzureOpenAIRouter router,
    IOptions<AzureOpenAIPlannerOptions> options,
    RuleBasedScenePlanner fallback,
    ILogger<AzureOpenAIScenePlanner>? logger = null) : IScenePlanner
{
    public const string Operation = "chat.completions";

    private readonly ILogger logger = logger ?? (ILogger)NullLogger.Instance;

    public string Name => "azure-openai/" + (options.Value.Deployments.FirstOrDefault()?.Deployment ?? "planner");

    public async Task<ScenePlan> PlanAsync(PlanRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Prompt) || !(request.DurationSeconds > 0 && request.DurationSeconds <= VideoRequest.MaxDurationSeconds))
        {
            // The rule planner throws its argument errors here, so both planners refuse the same requests the same way.
            return fallback.Plan(request);
        }

        var messages = new List<(string Role, string Content)>
        {
            ("system", ScenePlanSchema.Instructions),
            ("user", ScenePlanSchema.Request(request)),
        };
        var problem = string.Empty;
        var label = string.Empty;
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var (content, deployment) = await this.CompleteAsync(messages, cancellationToken);
            label = deployment.Label;
            var (scenes, readProblem) = content is null ? (null, "the answer was cut off before the plan was complete") : ScenePlanReader.Read(content);
            var check = scenes is null ? PlanCheck.Invalid(readProblem!) : ScenePlanValidator.Check(scenes, request);
            if (check.Scenes is { } valid)
            {
                return new ScenePlan
                {
                    Scenes = valid,
                    Planner = "azure-openai/" + deployment.Deployment,
                    Warnings = check.Repair is null ? [] : [check.Repair],
                };
            }

            problem = check.Problem!;
            if (attempt == 1)
            {
                this.logger.PlanInvalid(label, problem);
                messages.Add(("assistant", content ?? string.Empty));
                messages.Add(("user", ScenePlanSchema.Correction(problem, request.DurationSeconds)));
            }
        }

        this.logger.PlanFallback(label, problem, fallback.Name);
        var offline = fallback.Plan(request);
        return offline with
        {
            Warnings = [.. offline.Warnings, $"the Azure OpenAI planner ({label}) gave an invalid plan twice ({problem}); the offline {fallback.Name} planner planned instead"],
        };
    }

    /// <returns>The plan text, or null when the answer was cut off (finish_reason "length").</returns>
    private async Task<(string? Content, AzureOpenAIDeployment Deployment)> CompleteAsync(
        IReadOnlyList<(string Role, string Content)> messages, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var chat = new List<ChatMessage>(messages.Select(m => m.Role switch
        {
            "system" => (ChatMessage)new SystemChatMessage(m.Content),
            "assistant" => new AssistantChatMessage(m.Content),
            _ => new UserChatMessage(m.Content),
        }));
        var settings = new ChatCompletionOptions { ResponseFormat = ScenePlanSchema.ResponseFormat(), MaxOutputTokenCount = o.MaxOutputTokens };
        var answer = await router.CallAsync(
            Operation,
            o.Deployments,
            o.Timeout,
            async (client, deployment, token) => (await client.GetChatClient(deployment.Deployment).CompleteChatAsync(chat, settings, token)).Value,
            cancellationToken);

        var completion = answer.Value;
        AzureOpenAIUsage.Record(Operation, answer.Deployment, o, router.Currency, answer.Elapsed, new Dictionary<string, double>
        {
            ["input_tokens"] = completion.Usage?.InputTokenCount ?? 0,
            ["output_tokens"] = completion.Usage?.OutputTokenCount ?? 0,
        });

        if (completion.FinishReason == ChatFinishReason.ContentFilter || completion.Refusal is { Length: > 0 })
        {
            throw new PermanentPipelineException(
                ErrorCodes.ContentRejected,
                $"Azure OpenAI {Operation} ({answer.Deployment.Label}) refused to plan this prompt: {(completion.Refusal is { Length: > 0 } refusal ? refusal : "content filter")}");
        }

        var content = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
        return (completion.FinishReason == ChatFinishReason.Length ? null : content, answer.Deployment);
    }
}
