using VideoPipeline.Media.FFmpeg;

namespace VideoPipeline.Media.Text;

/// <summary>
/// Draws on-screen text in a filter graph: each ASS script through libass (the <c>ass</c> filter), then
/// each colour emoji image overlaid where and while its script placed it. No extra encode: it is part of
/// the caller's graph. User text never enters the graph; only file paths do, escaped by <see cref="Filter"/>.
/// </summary>
public static class TextBurnIn
{
    public static void Apply(FFmpegArguments args, FilterGraph graph, FilterChain chain, IReadOnlyList<string> scripts, IReadOnlyList<EmojiSprite> sprites, string output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(chain);
        foreach (var script in scripts)
        {
            chain.Then("ass", f => f.With("filename", script));
        }

        if (sprites.Count == 0)
        {
            if (scripts.Count == 0)
            {
                chain.Then("null");
            }

            chain.To(output);
            return;
        }

        var pad = $"{output}t0";
        chain.To(pad);
        for (var i = 0; i < sprites.Count; i++)
        {
            var (sprite, place) = (sprites[i], sprites[i].Placement);
            var input = args.AddInput(FFmpegInput.File(sprite.Path));
            graph.Chain($"{input}:v")
                .Then("scale", f => f.With("w", place.Width).With("h", place.Height).With("flags", "lanczos"))
                .To($"{output}e{i}");
            var next = i == sprites.Count - 1 ? output : $"{output}t{i + 1}";
            graph.Chain(pad, $"{output}e{i}")
                .Then("overlay", f => f
                    .With("x", place.X)
                    .With("y", place.Y)
                    .With("enable", $"between(t,{Filter.FormatNumber(place.Start)},{Filter.FormatNumber(place.End)})"))
                .To(next);
            pad = next;
        }
    }
}
