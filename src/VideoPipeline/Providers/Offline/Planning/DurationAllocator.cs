namespace VideoPipeline.Providers.Offline.Planning;

/// <summary>
/// Splits a video's length over its scenes in whole tenths of a second, so the scene
/// durations add up to the request exactly (no float drift for the timeline to absorb).
/// </summary>
internal static class DurationAllocator
{
    public const int FloorTenths = 20;

    /// <summary>
    /// Durations in seconds, proportional to <paramref name="weights"/> with a 2 s floor when there is room.
    /// A total that is not a multiple of 0.1 s leaves its last sliver to the last scene.
    /// </summary>
    public static IReadOnlyList<double> Allocate(double totalSeconds, IReadOnlyList<long> weights)
    {
        ArgumentOutOfRangeException.ThrowIfZero(weights.Count, nameof(weights));

        var totalTenths = WholeTenths(totalSeconds);
        var tenths = AllocateTenths(totalTenths, weights, Math.Min(FloorTenths, totalTenths / weights.Count));
        var seconds = tenths.Select(t => t / 10.0).ToArray();

        var sliver = totalSeconds - (totalTenths / 10.0);
        if (sliver > 1e-9)
        {
            // Round away the float noise of the subtraction (7.25 - 7.2) so the JSON shows 0.05, not 0.04999...
            seconds[^1] = Math.Round(seconds[^1] + sliver, 6);
        }

        return seconds;
    }

    /// <summary>Whole tenths in a duration, rounded down; the epsilon stops 7.3 * 10 = 72.999... losing a tenth.</summary>
    public static int WholeTenths(double seconds) => (int)Math.Floor((seconds * 10) + 1e-6);

    /// <summary>
    /// Proportional shares with a floor (scenes whose share falls under it are pinned to it and the rest
    /// re-shared), then the largest-remainder method; ties go to the earlier scene so results are stable.
    /// </summary>
    public static int[] AllocateTenths(int totalTenths, IReadOnlyList<long> weights, int floorTenths)
    {
        var count = weights.Count;
        var pinned = new bool[count];
        long free;
        long weightSum;
        bool pinnedMore;
        do
        {
            free = totalTenths - ((long)floorTenths * pinned.Count(p => p));
            weightSum = Enumerable.Range(0, count).Where(i => !pinned[i]).Sum(i => Weight(weights, i));
            pinnedMore = false;
            for (var i = 0; i < count; i++)
            {
                if (!pinned[i] && free * Weight(weights, i) < (long)floorTenths * weightSum)
                {
                    pinned[i] = true;
                    pinnedMore = true;
                }
            }
        }
        while (pinnedMore);

        var result = new int[count];
        var remainders = new long[count];
        long handedOut = 0;
        for (var i = 0; i < count; i++)
        {
            if (pinned[i])
            {
                result[i] = floorTenths;
                continue;
            }

            var exact = free * Weight(weights, i);
            result[i] = (int)(exact / weightSum);
            remainders[i] = exact % weightSum;
            handedOut += result[i];
        }

        var leftOver = free - handedOut;
        foreach (var i in Enumerable.Range(0, count).Where(i => !pinned[i]).OrderByDescending(i => remainders[i]).ThenBy(i => i))
        {
            if (leftOver-- <= 0)
            {
                break;
            }

            result[i]++;
        }

        return result;
    }

    // A zero or negative weight (an empty narration) still deserves the floor, never a negative share.
    private static long Weight(IReadOnlyList<long> weights, int index) => Math.Max(1, weights[index]);
}
