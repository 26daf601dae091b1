namespace VideoPipeline.Media.Captions;

/// <summary>
/// English number names the way TTS engines and recognizers write them: separate lowercase
/// words, no "and" ("one hundred fifteen"), four-digit years as pairs ("nineteen ninety nine").
/// </summary>
internal static class NumberWords
{
    /// <summary>Beyond this, <see cref="Cardinal"/> reads digit by digit, as engines do for long codes.</summary>
    public const long MaxCardinal = 999_999_999_999;

    private static readonly string[] Ones =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] Tens =
        ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    private static readonly (long Value, string Name)[] Scales =
        [(1_000_000_000, "billion"), (1_000_000, "million"), (1_000, "thousand")];

    private static readonly Dictionary<string, string> OrdinalOf = new(StringComparer.Ordinal)
    {
        ["zero"] = "zeroth", ["one"] = "first", ["two"] = "second", ["three"] = "third", ["five"] = "fifth",
        ["eight"] = "eighth", ["nine"] = "ninth", ["twelve"] = "twelfth",
    };

    public static IEnumerable<string> Cardinal(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        if (value > MaxCardinal)
        {
            return Digits(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var words = new List<string>();
        AppendCardinal(value, words);
        return words;
    }

    /// <summary>Digits read one by one, as after a decimal point ("three point one four").</summary>
    public static IEnumerable<string> Digits(string digits) => digits.Select(d => Ones[d - '0']);

    public static IEnumerable<string> Ordinal(long value)
    {
        var words = Cardinal(value).ToList();
        var last = words[^1];
        words[^1] = OrdinalOf.TryGetValue(last, out var irregular) ? irregular
            : last.EndsWith('y') ? last[..^1] + "ieth"
            : last + "th";
        return words;
    }

    /// <summary>How a four-digit number that looks like a year is read; other values read as cardinals.</summary>
    public static IEnumerable<string> Year(long value)
    {
        if (value is < 1100 or > 2099 or (>= 2000 and < 2010))
        {
            return Cardinal(value);
        }

        var century = value / 100;
        var rest = value % 100;
        var words = new List<string>();
        AppendCardinal(century, words);
        if (rest == 0)
        {
            words.Add("hundred");
        }
        else
        {
            if (rest < 10)
            {
                words.Add("oh");
            }

            AppendCardinal(rest, words);
        }

        return words;
    }

    private static void AppendCardinal(long value, List<string> words)
    {
        if (value == 0)
        {
            words.Add(Ones[0]);
            return;
        }

        foreach (var (scale, name) in Scales)
        {
            if (value >= scale)
            {
                AppendBelowThousand((int)(value / scale), words);
                words.Add(name);
                value %= scale;
            }
        }

        if (value > 0)
        {
            AppendBelowThousand((int)value, words);
        }
    }

    private static void AppendBelowThousand(int value, List<string> words)
    {
        if (value >= 100)
        {
            words.Add(Ones[value / 100]);
            words.Add("hundred");
            value %= 100;
        }

        if (value >= 20)
        {
            words.Add(Tens[value / 10]);
            value %= 10;
            if (value > 0)
            {
                words.Add(Ones[value]);
            }
        }
        else if (value > 0)
        {
            words.Add(Ones[value]);
        }
    }
}
