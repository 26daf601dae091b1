namespace VideoPipeline.Providers.Offline.Planning;

/// <summary>Spells small whole numbers ("3" → "three") so narration never carries digits.</summary>
internal static class NumberWords
{
    public const int Max = 999;

    private static readonly string[] Ones =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    /// <summary>The words for 0 to 999; null for anything else, which narration then leaves out.</summary>
    public static string? Spell(int number) => number switch
    {
        < 0 or > Max => null,
        < 20 => Ones[number],
        < 100 => number % 10 == 0 ? Tens[number / 10] : $"{Tens[number / 10]} {Ones[number % 10]}",
        _ => number % 100 == 0 ? $"{Ones[number / 100]} hundred" : $"{Ones[number / 100]} hundred {Spell(number % 100)}",
    };
}
