using System.Text.Json;
using System.Text.Json.Nodes;
using VideoPipeline.Domain;
using VideoPipeline.Providers.ComfyUI;
using VideoPipeline.Providers.Http;
using VideoPipeline.Serialization;

namespace VideoPipeline.Tests.Providers.ComfyUI;

/// <summary>The pure part: parameters injected by node id, HunyuanVideo's frame and size rules, the GPU time estimate.</summary>
public sealed class ComfyWorkflowBuilderTests
{
    private static readonly HunyuanVideoOptions Defaults = new();

    [Fact]
    public void BuildScene_injects_every_parameter_at_its_mapped_node_input_golden()
    {
        // Values unlike the template's own (73 frames, 20 steps, 24 fps, 848x480), so each injection shows.
        var options = new HunyuanVideoOptions { Steps = 30, Fps = 25 };
        var builder = new ComfyWorkflowBuilder(ComfyWorkflowTemplate.Load(options), options);

        var scene = builder.BuildScene(ComfyTestServices.Request(seconds: 5), "videofunctions/scene-01");

        var golden = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Providers", "ComfyUI", "Golden", "hunyuan_scene_5s_1280x720.json")));
        Assert.True(JsonNode.DeepEquals(golden, scene.Workflow), scene.Workflow.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    [Fact]
    public void BuildScene_custom_mapping_puts_the_prompt_where_the_map_says()
    {
        var options = new HunyuanVideoOptions();
        options.Inputs[ComfyWorkflowParameter.Prompt] = new ComfyNodeInput("75", "filename_prefix");
        options.Inputs[ComfyWorkflowParameter.FilenamePrefix] = new ComfyNodeInput("44", "text");
        var builder = new ComfyWorkflowBuilder(ComfyWorkflowTemplate.Load(options), options);

        var scene = builder.BuildScene(ComfyTestServices.Request(), "prefix-here");

        Assert.Equal("prefix-here", scene.Workflow["44"]!["inputs"]!["text"]!.GetValue<string>());
        Assert.Equal(scene.Prompt, scene.Workflow["75"]!["inputs"]!["filename_prefix"]!.GetValue<string>());
    }

    [Fact]
    public void Load_mapping_to_an_input_the_template_lacks_throws_misconfigured_naming_it()
    {
        var options = new HunyuanVideoOptions();
        options.Inputs[ComfyWorkflowParameter.Steps] = new ComfyNodeInput("17", "step_count");

        var error = Assert.Throws<PermanentPipelineException>(() => ComfyWorkflowTemplate.Load(options));

        Assert.Equal(ProviderErrorCodes.Misconfigured, error.Code);
        Assert.Contains("Steps is mapped to node 17 input 'step_count', which the template does not have", error.Message);
    }

    [Fact]
    public void Parse_ui_format_workflow_is_refused_with_a_hint()
    {
        var error = Assert.Throws<PermanentPipelineException>(() =>
            ComfyWorkflowTemplate.Parse("ui", """{"last_node_id": 9, "nodes": [{"id": 1}]}""", Defaults.Inputs));

        Assert.Contains("Save (API)", error.Message);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 5)]
    [InlineData(5, 5)]
    [InlineData(6, 9)]
    [InlineData(120, 121)]
    [InlineData(121, 121)]
    public void FourKPlusOne_rounds_up_to_the_next_4k_plus_1(int frames, int expected) =>
        Assert.Equal(expected, ComfyVideoGeometry.FourKPlusOne(frames));

    [Theory]
    [InlineData(1280, 720, 1280, 720)]
    [InlineData(720, 1280, 720, 1280)]
    [InlineData(1080, 1080, 960, 960)]
    [InlineData(854, 480, 848, 480)]
    [InlineData(1000, 600, 992, 592)]
    public void FitSize_keeps_the_pixel_budget_and_multiples_of_16(int width, int height, int expectedWidth, int expectedHeight) =>
        Assert.Equal((expectedWidth, expectedHeight), ComfyVideoGeometry.FitSize(new Resolution(width, height), Defaults.MaxPixels));

    [Fact]
    public void For_five_seconds_at_24_fps_renders_121_frames_and_records_why()
    {
        var geometry = ComfyVideoGeometry.For(Resolution.Square1080, 5, Defaults);

        Assert.Equal((960, 960, 121, 24), (geometry.Width, geometry.Height, geometry.Frames, geometry.Fps));
        Assert.Equal(
            ["size 1080x1080 → 960x960 (the 921,600-pixel budget, multiples of 16)", "120 frames → 121 (HunyuanVideo renders 4k+1 frames)"],
            geometry.Adjustments);
    }

    [Fact]
    public void For_scene_longer_than_max_frames_caps_and_records_it()
    {
        var geometry = ComfyVideoGeometry.For(Resolution.Landscape720, 8, Defaults);

        Assert.Equal(129, geometry.Frames);
        Assert.Contains("capped at 129 frames (5.38 s of 8.00 s); the assembler holds the last frame", geometry.Adjustments);
    }

    [Fact]
    public void EstimateGpuSeconds_uses_the_configured_gpu_coefficient()
    {
        var options = new HunyuanVideoOptions { GpuProfile = "L40S", GpuFixedSeconds = 10 };
        options.GpuSecondsPerMegapixelFrameStep["L40S"] = 0.5;
        var builder = new ComfyWorkflowBuilder(ComfyWorkflowTemplate.Load(options), options);
        var geometry = new ComfyVideoGeometry(1000, 500, 73, 24, []);

        var seconds = builder.EstimateGpuSeconds([geometry], steps: 20);

        Assert.Equal(10 + (0.5 * 73 * 20 * 0.5), seconds, 6);
    }

    [Fact]
    public void Constructor_gpu_profile_without_coefficient_throws_misconfigured()
    {
        var options = new HunyuanVideoOptions { GpuProfile = "T4" };

        var error = Assert.Throws<PermanentPipelineException>(() => new ComfyWorkflowBuilder(ComfyWorkflowTemplate.Load(options), options));

        Assert.Contains("GpuProfile 'T4'", error.Message);
    }

    [Fact]
    public void BuildPlan_shares_the_loaders_and_gives_each_scene_its_own_sampling_chain()
    {
        var builder = new ComfyWorkflowBuilder(ComfyWorkflowTemplate.Load(Defaults), Defaults);
        Scene[] scenes = [Scene(1, 3), Scene(2, 5)];

        var plan = builder.BuildPlan(scenes, Resolution.Landscape720);

        var ids = plan.WorkflowJson.Select(n => n.Key).ToHashSet();
        Assert.Superset(new HashSet<string> { "10", "11", "12", "16", "67", "s1-44", "s1-13", "s1-75", "s2-44", "s2-13", "s2-75" }, ids);
        Assert.DoesNotContain("44", ids);
        Assert.Equal(5 + (10 * 2), ids.Count);
        Assert.Equal("""["s2-45",0]""", plan.WorkflowJson["s2-13"]!["inputs"]!["latent_image"]!.ToJsonString());
        Assert.Equal("""["67",0]""", plan.WorkflowJson["s2-17"]!["inputs"]!["model"]!.ToJsonString());
        Assert.Equal("video/scene-02", plan.WorkflowJson["s2-75"]!["inputs"]!["filename_prefix"]!.GetValue<string>());
        Assert.Equal(121, plan.WorkflowJson["s2-45"]!["inputs"]!["length"]!.GetValue<int>());
    }

    [Fact]
    public void BuildPlan_serializes_to_seed_002_generate_workflow_shape()
    {
        var builder = new ComfyWorkflowBuilder(ComfyWorkflowTemplate.Load(Defaults), Defaults);

        var json = JsonNode.Parse(PipelineJson.Serialize(builder.BuildPlan([Scene(1, 3), Scene(2, 5)], Resolution.Landscape720)))!;

        Assert.StartsWith("hunyuan_video_t2v-", json["workflow_id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(json["workflow_json"]!["s1-44"]);

        // 20 s fixed + 0.25 s × frames × 20 steps × 0.9216 MP for 73 and 121 frames.
        Assert.Equal((int)Math.Ceiling(20 + (0.25 * (73 + 121) * 20 * 0.9216)), json["estimated_gpu_time"]!.GetValue<int>());
    }

    private static Scene Scene(int number, double seconds) => new()
    {
        SceneNumber = number,
        Description = $"Scene {number} of the morning routine",
        DurationSeconds = seconds,
    };
}
