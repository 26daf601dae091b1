using VideoPipeline.Domain;
using VideoPipeline.Media.Captions;
using VideoPipeline.Providers;
using VideoPipeline.Tests.TestSupport;

namespace VideoPipeline.Tests.EndToEnd;

[Collection(GeneratedVideoGroup.Name)]
public sealed class CaptionTests(GeneratedVideoFixture fixture)
{
    [Fact]
    public async Task Srt_parses_into_monotonic_non_overlapping_cues_inside_the_video()
    {
        var cues = SubtitleParser.ParseSrt(await File.ReadAllTextAsync(fixture.SrtPath));

        Assert.True(cues.Count >= 10, $"{cues.Count} cues");
        for (var i = 0; i < cues.Count; i++)
        {
            Assert.True(cues[i].End > cues[i].Start, $"cue {i + 1} ends before it starts");
            Assert.True(cues[i].End <= 30, $"cue {i + 1} ends after the video");
            if (i > 0)
            {
                Assert.True(cues[i].Start >= cues[i - 1].End, $"cue {i + 1} overlaps cue {i}");
            }
        }
    }

    [Fact]
    public async Task Srt_cues_have_no_all_zero_timestamps()
    {
        var cues = SubtitleParser.ParseSrt(await File.ReadAllTextAsync(fixture.SrtPath));

        Assert.True(cues.Select(c => c.Start).Distinct().Count() == cues.Count, "duplicate cue starts");
        Assert.Contains(cues, c => c.Start > 20);
    }

    [Fact]
    public async Task Final_audio_speech_matches_the_narration_with_wer_at_most_25_percent()
    {
        var heard = await this.TranscribeFinalAsync();
        var narration = string.Join(' ', fixture.Result.Plan.Scenes.Select(s => s.Narration));

        var wer = WordErrorRate.Compute(narration, heard.Text);

        Assert.True(wer <= 0.25, $"WER {wer:P0}\nnarration: {narration}\nheard: {heard.Text}");
    }

    [Fact]
    public async Task Cue_starts_are_within_0_3_s_of_the_matching_spoken_words()
    {
        var heard = await this.TranscribeFinalAsync();
        var cues = SubtitleParser.ParseSrt(await File.ReadAllTextAsync(fixture.SrtPath));
        var offsets = new List<double>();
        foreach (var cue in cues)
        {
            var tokens = SpokenForm.Tokens(cue.Text.Split(' ', '\n')[0]);
            var first = tokens.Count > 0 ? tokens[0] : null;
            var match = heard.Words
                .Where(w => SpokenForm.NormalizeRecognized(w.Word) == first && Math.Abs(w.Start - cue.Start) <= 1.0)
                .OrderBy(w => Math.Abs(w.Start - cue.Start))
                .FirstOrDefault();
            if (match is not null)
            {
                offsets.Add(Math.Abs(match.Start - cue.Start));
            }
        }

        Assert.True(offsets.Count >= cues.Count / 2, $"only {offsets.Count} of {cues.Count} cue starts were heard");
        Assert.All(offsets, offset => Assert.True(offset <= 0.3, $"offset {offset:0.000} s"));
    }

    private async Task<Transcript> TranscribeFinalAsync() =>
        await fixture.Services.Get<ISpeechToText>().TranscribeAsync(fixture.VideoPath, new TranscriptionOptions(), CancellationToken.None);
}
