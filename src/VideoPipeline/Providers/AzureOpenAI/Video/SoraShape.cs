using System.Globalization;
using VideoPipeline.Domain;
using VideoPipeline.Providers;

namespace VideoPipeline.Providers.AzureOpenAI.Video;

/// <summary>
/// The size and length a Sora API is asked for, fitted to what it accepts, and what had to change on
/// the way (recorded in the ticket, so the manifest can say why a clip differs from the request).
/// </summary>
public sealed record SoraShape(int Width, int Height, int Seconds, IReadOnlyList<string> Adjustments)
{
    /// <summary>Sora 1's sizes (landscape and portrait) and its 1–20 s range.</summary>
    public static readonly IReadOnlyList<Resolution> Sora1Sizes =
    [
        new(480, 480), new(854, 480), new(480, 854), new(720, 720), new(1280, 720), new(720, 1280),
        new(1080, 1080), new(1920, 1080), new(1080, 1920),
    ];

    /// <summary>Sora 2 on Azure: only these two sizes, and seconds as the strings "4", "8" or "12".</summary>
    public static readonly IReadOnlyList<Resolution> Sora2Sizes = [new(1280, 720), new(720, 1280)];

    public static readonly IReadOnlyList<int> Sora2Seconds = [4, 8, 12];

    public string Size => string.Create(CultureInfo.InvariantCulture, $"{this.Width}x{this.Height}");

    public static SoraShape ForSora1(SceneClipRequest request)
    {
        var adjustments = new List<string>();
        var size = Nearest(request.Resolution, Sora1Sizes, adjustments);
        var wanted = SceneSeconds(request);
        var seconds = Math.Clamp((int)Math.Ceiling(wanted - 1e-6), 1, 20);
        NoteSeconds(wanted, seconds, 20, adjustments);
        NoteSeed(request, adjustments);
        return new SoraShape(size.Width, size.Height, seconds, adjustments);
    }

    public static SoraShape ForSora2(SceneClipRequest request)
    {
        var adjustments = new List<string>();
        var size = Nearest(request.Resolution, Sora2Sizes, adjustments);
        var wanted = SceneSeconds(request);
        var seconds = Sora2Seconds.FirstOrDefault(s => s >= wanted - 1e-6, Sora2Seconds[^1]);
        NoteSeconds(wanted, seconds, Sora2Seconds[^1], adjustments);
        NoteSeed(request, adjustments);
        return new SoraShape(size.Width, size.Height, seconds, adjustments);
    }

    /// <summary>Frames over rate is the scene's exact length; the description's duration when no rate is set.</summary>
    private static double SceneSeconds(SceneClipRequest request) =>
        request.Fps > 0 && request.FrameCount > 0 ? request.FrameCount / (double)request.Fps : request.Scene.DurationSeconds;

    // Same orientation, closest aspect ratio, then the smallest size covering the request (else the largest).
    private static Resolution Nearest(Resolution wanted, IReadOnlyList<Resolution> sizes, List<string> adjustments)
    {
        if (sizes.Contains(wanted))
        {
            return wanted;
        }

        var sameShape = sizes.Where(s => Orientation(s) == Orientation(wanted)).ToList();
        var candidates = sameShape.Count > 0 ? sameShape : [.. sizes.Where(s => !s.IsPortrait)];
        var bestGap = candidates.Min(s => AspectGap(s, wanted));
        var closest = candidates.Where(s => AspectGap(s, wanted) <= bestGap + 0.02).ToList();
        var chosen = closest.Where(s => s.Width >= wanted.Width && s.Height >= wanted.Height).OrderBy(Area).FirstOrDefault(closest.MaxBy(Area));
        adjustments.Add($"size {wanted} is not offered; asked for {chosen}");
        return chosen;
    }

    private static void NoteSeconds(double wanted, int seconds, int max, List<string> adjustments)
    {
        if (wanted > max + 1e-6)
        {
            adjustments.Add(string.Create(CultureInfo.InvariantCulture, $"a {wanted:0.###} s scene is longer than the {max} s maximum; asked for {seconds} s"));
        }
        else if (Math.Abs(wanted - seconds) > 1e-6)
        {
            adjustments.Add(string.Create(CultureInfo.InvariantCulture, $"a {wanted:0.###} s scene was asked as {seconds} s"));
        }
    }

    private static void NoteSeed(SceneClipRequest request, List<string> adjustments)
    {
        if (request.Seed != 0)
        {
            adjustments.Add("seed is not supported");
        }
    }

    private static int Orientation(Resolution r) => r.Width.CompareTo(r.Height);

    private static double AspectGap(Resolution a, Resolution b) => Math.Abs(Math.Log((a.Width / (double)a.Height) / (b.Width / (double)b.Height)));

    private static long Area(Resolution r) => (long)r.Width * r.Height;
}
