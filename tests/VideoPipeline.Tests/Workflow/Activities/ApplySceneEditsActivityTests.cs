using VideoPipeline.Domain;
using VideoPipeline.Storage;
using VideoPipeline.Workflow.Activities;
using VideoPipeline.Workflow.Contracts;
using VideoPipeline.Tests.Workflow.Orchestration;

namespace VideoPipeline.Tests.Workflow.Activities;

public sealed class ApplySceneEditsActivityTests
{
    private static readonly TestActivityContext Context = new("ApplySceneEdits", "job");

    [Fact]
    public async Task RunAsync_places_an_overlay_with_the_default_duration_at_the_top()
    {
        var edits = await Run([new EditingInstruction { Text = "Try it today!", Timestamp = 25 }]);

        var overlay = Assert.Single(edits.Overlays);
        Assert.Equal(new TextOverlay("Try it today!", 25, 28, "top"), overlay);
        Assert.Empty(edits.Warnings);
    }

    [Fact]
    public async Task RunAsync_overlay_past_the_end_is_dropped_with_a_warning_naming_it()
    {
        var edits = await Run([new EditingInstruction { Text = "late", Timestamp = 31 }]);

        Assert.Empty(edits.Overlays);
        Assert.Contains(edits.Warnings, w => w.StartsWith("editing_instructions[0]:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_overlay_running_past_the_end_is_shortened_with_a_warning()
    {
        var edits = await Run([new EditingInstruction { Text = "x", Timestamp = 28, Duration = 5 }]);

        Assert.Equal(29.95, Assert.Single(edits.Overlays).End, 3);
        Assert.Contains(edits.Warnings, w => w.Contains("shortened", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_unsupported_instruction_type_is_reported_not_dropped_silently()
    {
        var edits = await Run([new EditingInstruction { Type = "zoom", Timestamp = 3 }]);

        Assert.Empty(edits.Overlays);
        Assert.Contains(edits.Warnings, w => w.Contains("'zoom' is not supported", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_short_or_differently_shaped_clip_is_reported()
    {
        var clip = new SceneClipResult(1, new AssetRef("renders", "a.mp4"), 4.0, 1920, 1080, HasAudio: true, "sora", CacheHit: false);

        var edits = await Run([], new TimelineClip(clip, 0, 150), Resolution.Portrait720);

        Assert.Contains(edits.Warnings, w => w.Contains("last frame is held", StringComparison.Ordinal));
        Assert.Contains(edits.Warnings, w => w.Contains("1920x1080, cropped to fill 720x1280", StringComparison.Ordinal));
        Assert.True(Assert.Single(edits.Scenes).HasAudio);
    }

    private static Task<EditDecisionList> Run(EditingInstruction[] instructions, TimelineClip? clip = null, Resolution? resolution = null)
    {
        clip ??= new TimelineClip(new SceneClipResult(1, new AssetRef("renders", "a.mp4"), 30, 1280, 720, false, "animatic/1", false), 0, 900);
        return new ApplySceneEditsActivity().RunAsync(
            Context, new ApplySceneEditsInput([clip], instructions, 30, resolution ?? Resolution.Landscape720, FitMode.Cover, 30));
    }
}
