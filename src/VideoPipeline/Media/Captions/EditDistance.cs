namespace VideoPipeline.Media.Captions;

/// <summary>Levenshtein distance over characters or tokens, with two rolling rows.</summary>
internal static class EditDistance
{
    public static int Between<T>(IReadOnlyList<T> source, IReadOnlyList<T> target, IEqualityComparer<T>? comparer = null)
    {
        comparer ??= EqualityComparer<T>.Default;
        var previous = new int[target.Count + 1];
        var current = new int[target.Count + 1];
        for (var j = 0; j <= target.Count; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= source.Count; i++)
        {
            current[0] = i;
            for (var j = 1; j <= target.Count; j++)
            {
                var substitution = previous[j - 1] + (comparer.Equals(source[i - 1], target[j - 1]) ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[target.Count];
    }

    /// <summary>1 for equal strings, 0 for nothing in common: 1 - distance / longer length.</summary>
    public static double Similarity(string a, string b)
    {
        var longer = Math.Max(a.Length, b.Length);
        return longer == 0 ? 1 : 1 - ((double)Between(a, b) / longer);
    }

    private static int Between(string source, string target)
    {
        var small = target.Length < 128;
        Span<int> previous = small ? stackalloc int[target.Length + 1] : new int[target.Length + 1];
        Span<int> current = small ? stackalloc int[target.Length + 1] : new int[target.Length + 1];
        for (var j = 0; j <= target.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= source.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= target.Length; j++)
            {
                var substitution = previous[j - 1] + (source[i - 1] == target[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            var swap = previous;
            previous = current;
            current = swap;
        }

        return previous[target.Length];
    }
}
