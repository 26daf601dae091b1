using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace VideoPipeline.Media.Captions;

/// <summary>
/// The lowercase tokens a recognizer outputs for a written word ("50%" is heard as "fifty percent"),
/// so script words and recognized words can be compared token by token.
/// </summary>
public static partial class SpokenForm
{
    public static IReadOnlyList<string> Tokens(string displayWord)
    {
        ArgumentNullException.ThrowIfNull(displayWord);

        var text = displayWord.Normalize(NormalizationForm.FormC).ToLowerInvariant()
            .Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u02BC', '\'')
            .Replace("&", " and ", StringComparison.Ordinal)
            .Replace("+", " plus ", StringComparison.Ordinal);

        var tokens = new List<string>();
        foreach (var part in Separators().Split(text))
        {
            AddPart(part, tokens);
        }

        return tokens;
    }

    /// <summary>A recognizer's word in the same shape as <see cref="Tokens"/> input; silence and noise markers become "".</summary>
    public static string NormalizeRecognized(string word)
    {
        ArgumentNullException.ThrowIfNull(word);

        var text = AlternatePronunciation().Replace(word.Trim(), "").ToLowerInvariant();

        // pocketsphinx reports silence and noise as <sil>, <s>, [NOISE] or ++BREATH++.
        return NonSpeech().IsMatch(text) ? "" : text;
    }

    private static void AddPart(string part, List<string> tokens)
    {
        var core = TrimPunctuation(part);
        if (core.Length == 0)
        {
            if (part.Contains('%', StringComparison.Ordinal))
            {
                tokens.Add("percent");
            }

            return;
        }

        if (NumberExpression().Match(core) is { Success: true } number)
        {
            AddNumber(number, tokens);
            return;
        }

        if (OrdinalNumber().Match(core) is { Success: true } ordinal
            && long.TryParse(ordinal.Groups["digits"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var place))
        {
            tokens.AddRange(NumberWords.Ordinal(place));
            return;
        }

        // "u.s." is spelled out letter by letter.
        if (DottedAbbreviation().IsMatch(core))
        {
            tokens.AddRange(core.Split('.').Where(letter => letter.Length > 0));
            return;
        }

        AddRuns(core, tokens);
    }

    private static void AddNumber(Match number, List<string> tokens)
    {
        var integerText = number.Groups["int"].Value.Replace(",", "", StringComparison.Ordinal);
        var fraction = number.Groups["frac"].Value;
        var currency = number.Groups["cur"].Success ? number.Groups["cur"].Value : number.Groups["cur2"].Value;
        if (!long.TryParse(integerText, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            tokens.AddRange(NumberWords.Digits(integerText));
            value = -1;
        }
        else
        {
            var readAsYear = integerText.Length == 4 && !number.Groups["int"].Value.Contains(',', StringComparison.Ordinal)
                && fraction.Length == 0 && currency.Length == 0 && !number.Groups["pct"].Success;
            tokens.AddRange(readAsYear ? NumberWords.Year(value) : NumberWords.Cardinal(value));
        }

        if (currency.Length > 0)
        {
            // "$2.50" is read "two dollars fifty", the way TTS engines say prices.
            var unit = currency switch { "$" => "dollar", "€" => "euro", _ => "pound" };
            tokens.Add(value == 1 && fraction.All(d => d == '0') ? unit : unit + "s");
            if (fraction.Length == 2 && fraction != "00")
            {
                tokens.AddRange(NumberWords.Cardinal(int.Parse(fraction, NumberStyles.None, CultureInfo.InvariantCulture)));
            }
            else if (fraction.Length > 0 && fraction.Any(d => d != '0'))
            {
                tokens.Add("point");
                tokens.AddRange(NumberWords.Digits(fraction));
            }
        }
        else if (fraction.Length > 0)
        {
            tokens.Add("point");
            tokens.AddRange(NumberWords.Digits(fraction));
        }

        if (number.Groups["pct"].Success)
        {
            tokens.Add("percent");
        }
    }

    /// <summary>Splits "mp4" or "covid19" into letter and digit runs; apostrophes stay inside words ("don't").</summary>
    private static void AddRuns(string core, List<string> tokens)
    {
        foreach (Match run in WordOrDigits().Matches(core))
        {
            if (run.Value.All(char.IsAsciiDigit))
            {
                tokens.AddRange(long.TryParse(run.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                    ? NumberWords.Cardinal(value)
                    : NumberWords.Digits(run.Value));
            }
            else
            {
                tokens.Add(run.Value);
            }
        }
    }

    /// <summary>Strips punctuation around a word but keeps currency signs in front and % after.</summary>
    private static string TrimPunctuation(string part)
    {
        var start = 0;
        var end = part.Length;
        while (start < end && !IsWordChar(part[start]) && part[start] is not ('$' or '€' or '£'))
        {
            start++;
        }

        while (end > start && !IsWordChar(part[end - 1]) && part[end - 1] is not ('%' or '$' or '€' or '£'))
        {
            end--;
        }

        return part[start..end];
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || char.IsSurrogate(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    [GeneratedRegex(@"[\s\-\u2010-\u2015/_|\\]+")]
    private static partial Regex Separators();

    [GeneratedRegex(@"\(\d+\)$")]
    private static partial Regex AlternatePronunciation();

    [GeneratedRegex(@"^(?:<[^>]*>|\[[^\]]*\]|\+\+.*\+\+)$")]
    private static partial Regex NonSpeech();

    [GeneratedRegex(@"^(?<cur>[$€£])?(?<int>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.(?<frac>[0-9]+))?(?<cur2>[$€£])?(?<pct>%)?$")]
    private static partial Regex NumberExpression();

    [GeneratedRegex(@"^(?<digits>[0-9]+)(?:st|nd|rd|th)$")]
    private static partial Regex OrdinalNumber();

    [GeneratedRegex(@"^\p{L}(?:\.\p{L})+\.?$")]
    private static partial Regex DottedAbbreviation();

    [GeneratedRegex(@"\p{L}[\p{L}\p{M}]*(?:'[\p{L}\p{M}]+)*|[0-9]+|\p{N}+")]
    private static partial Regex WordOrDigits();
}
