using VideoPipeline.Media.FFmpeg;

namespace VideoPipeline.Providers.AzureOpenAI.Speech;

/// <summary>
/// Joins WAV parts in order into one PCM WAV, optionally time-stretched (atempo keeps the pitch), in one
/// FFmpeg pass. Serves both the chunked narration and the last-resort fit to a scene.
/// </summary>
internal static class WavJoiner
{
    /// <summary>atempo's range per filter instance; further speed-up would garble speech anyway.</summary>
    public const double MaxTempo = 2.0;

    public static async Task JoinAsync(IFFmpegRunner ffmpeg, IReadOnlyList<string> parts, string outputPath, double tempo, CancellationToken cancellationToken)
    {
        var args = FFmpegArguments.Create();
        foreach (var part in parts)
        {
            args.AddInput(FFmpegInput.File(part));
        }

        var graph = new FilterGraph();
        var chain = graph.Chain([.. parts.Select((_, i) => $"{i}:a")])
            .Then("concat", f => f.With("n", parts.Count).With("v", 0).With("a", 1));
        if (tempo > 1 + 1e-6)
        {
            chain.Then("atempo", f => f.With("tempo", Math.Min(tempo, MaxTempo)));
        }

        chain.To("a");
        args.WithFilterGraph(graph).AddOutput(outputPath, o => o.Map("a").AudioCodec("pcm_s16le"));
        await ffmpeg.RunAsync(args, cancellationToken: cancellationToken);
    }
}
