using System.Text.Json;
using VideoPipeline.Domain;
using VideoPipeline.Providers;
using VideoPipeline.Providers.Offline.Planning;

namespace VideoPipeline.Tests.Providers.AzureOpenAI;

public sealed class AzureOpenAIScenePlannerTests
{
    private static readonly PlanRequest Request = new() { Prompt = "A 10-second ad for a coffee brand", DurationSeconds = 10 };

    [Fact]
    public async Task PlanAsync_valid_structured_output_returns_the_plan_named_for_the_deployment()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit(server);

        var plan = await kit.Planner().PlanAsync(Request, CancellationToken.None);

        Assert.Equal("azure-openai/dep-a", plan.Planner);
        Assert.Equal([1, 2], plan.Scenes.Select(s => s.SceneNumber));
        Assert.Equal(10, plan.TotalDurationSeconds, 6);
        Assert.Equal("Fresh coffee, every day.", plan.Scenes[1].Narration);
        Assert.Equal(new SceneEntity("person", "center", "pouring_coffee"), plan.Scenes[0].Entities.Single());
        Assert.Equal("earth_tones", plan.Scenes[0].VisualStyle.ColorPalette);
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public async Task PlanAsync_sends_a_strict_json_schema_response_format()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit(server);

        await kit.Planner().PlanAsync(Request, CancellationToken.None);

        var body = server.Requests.Single().Json;
        var format = body.GetProperty("response_format");
        Assert.Equal("dep-a", body.GetProperty("model").GetString());
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        Assert.True(format.GetProperty("json_schema").GetProperty("strict").GetBoolean());
        var scene = format.GetProperty("json_schema").GetProperty("schema").GetProperty("properties").GetProperty("scenes").GetProperty("items");
        Assert.Contains("narration", scene.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task PlanAsync_invalid_plan_then_valid_asks_once_more_with_the_problem()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit(server);
        server.PlanContent = (call, seconds) => call == 0
            ? FakeAzureOpenAIServer.Plan(("Kitchen", 3, "Hi."), ("Coffee", 3, "Bye."))
            : FakeAzureOpenAIServer.Plan(("Kitchen", seconds / 2, "Hi."), ("Coffee", seconds / 2, "Bye."));

        var plan = await kit.Planner().PlanAsync(Request, CancellationToken.None);

        Assert.Equal("azure-openai/dep-a", plan.Planner);
        Assert.Equal(2, server.Requests.Count);
        var correction = server.Requests[1].Json.GetProperty("messages").EnumerateArray().Last().GetProperty("content").GetString();
        Assert.Contains("add up to 6 s, not 10 s", correction, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanAsync_invalid_plan_twice_falls_back_to_the_rule_planner_with_a_warning()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit(server);
        server.PlanContent = (_, _) => "{\"scenes\": []}";

        var plan = await kit.Planner().PlanAsync(Request, CancellationToken.None);

        Assert.Equal(RuleBasedScenePlanner.PlannerName, plan.Planner);
        Assert.Equal(10, plan.TotalDurationSeconds, 6);
        Assert.Contains(plan.Warnings, w => w.Contains("invalid plan twice", StringComparison.Ordinal) && w.Contains("0 scenes", StringComparison.Ordinal));
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task PlanAsync_answer_that_is_not_json_counts_as_an_invalid_plan()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit(server);
        server.PlanContent = (_, _) => "Sure! Here is your plan: scene 1...";

        var plan = await kit.Planner().PlanAsync(Request, CancellationToken.None);

        Assert.Equal(RuleBasedScenePlanner.PlannerName, plan.Planner);
        Assert.Contains(plan.Warnings, w => w.Contains("not JSON", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PlanAsync_durations_slightly_off_are_rescaled_with_a_warning()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit(server);
        server.PlanContent = (_, _) => FakeAzureOpenAIServer.Plan(("Kitchen", 5.4, "Hi."), ("Coffee", 5.4, "Bye."));

        var plan = await kit.Planner().PlanAsync(Request, CancellationToken.None);

        Assert.Equal("azure-openai/dep-a", plan.Planner);
        Assert.Equal(10, plan.TotalDurationSeconds, 9);
        Assert.Equal(5, plan.Scenes[0].DurationSeconds, 3);
        Assert.Contains(plan.Warnings, w => w.Contains("rescaled", StringComparison.Ordinal));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task PlanAsync_model_refusal_fails_with_CONTENT_REJECTED()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit(server);
        server.Refusal = "I can't help with that.";

        var error = await Assert.ThrowsAsync<PermanentPipelineException>(() => kit.Planner().PlanAsync(Request, CancellationToken.None));

        Assert.Equal(ErrorCodes.ContentRejected, error.Code);
        Assert.Contains("I can't help with that.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanAsync_records_token_usage_priced_from_configuration()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit(server);
        var planner = kit.Planner(new Dictionary<string, decimal> { ["input_tokens"] = 0.001m, ["output_tokens"] = 0.002m });
        using var ledger = VideoPipeline.Providers.UsageLedger.Begin();

        await planner.PlanAsync(Request, CancellationToken.None);

        var usage = ledger.Entries.Single();
        Assert.Equal("azure-openai", usage.Provider);
        Assert.StartsWith("dep-a@", usage.Model, StringComparison.Ordinal);
        Assert.Equal(120, usage.Units["input_tokens"]);
        Assert.Equal(80, usage.Units["output_tokens"]);
        Assert.Equal(0.28m, usage.EstimatedCost);
        Assert.True(usage.WallSeconds > 0);
    }

    [Fact]
    public async Task PlanAsync_with_a_script_sends_it_for_word_for_word_narration()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var kit = new AzureOpenAIKit(server);
        server.PlanContent = (_, seconds) => FakeAzureOpenAIServer.Plan(("Kitchen", seconds / 2, "Mornings start here."), ("Coffee", seconds / 2, "Fresh coffee, every day."));

        var plan = await kit.Planner().PlanAsync(Request with { Script = "Mornings start here. Fresh coffee, every day." }, CancellationToken.None);

        var user = JsonDocument.Parse(server.Requests.Single().Json.GetProperty("messages")[1].GetProperty("content").GetString()!).RootElement;
        Assert.Equal("Mornings start here. Fresh coffee, every day.", user.GetProperty("script").GetString());
        Assert.Equal("azure-openai/dep-a", plan.Planner);
    }
}
