using System.Globalization;
using System.Text;

namespace VideoPipeline.Media.FFmpeg;

/// <summary>
/// One filter with named options, e.g. <c>scale=w=1280:h=720</c>. Values are always escaped
/// with <see cref="FilterEscaping.Escape"/>, so callers never build filter strings by hand.
/// </summary>
public sealed class Filter
{
    private readonly List<KeyValuePair<string, string>> options = [];

    public Filter(string name)
    {
        if (!IsIdentifier(name))
        {
            throw new ArgumentException($"'{name}' is not a filter name", nameof(name));
        }

        this.Name = name;
    }

    public string Name { get; }

    public Filter With(string key, string value)
    {
        if (!IsIdentifier(key))
        {
            throw new ArgumentException($"'{key}' is not an option name", nameof(key));
        }

        this.options.Add(new(key, value));
        return this;
    }

    public Filter With(string key, int value) => this.With(key, value.ToString(CultureInfo.InvariantCulture));

    public Filter With(string key, long value) => this.With(key, value.ToString(CultureInfo.InvariantCulture));

    public Filter With(string key, double value) => this.With(key, FormatNumber(value));

    public Filter With(string key, bool value) => this.With(key, value ? "1" : "0");

    public override string ToString()
    {
        if (this.options.Count == 0)
        {
            return this.Name;
        }

        var builder = new StringBuilder(this.Name).Append('=');
        for (var i = 0; i < this.options.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(':');
            }

            builder.Append(this.options[i].Key).Append('=').Append(FilterEscaping.Escape(this.options[i].Value));
        }

        return builder.ToString();
    }

    /// <summary>Invariant, round-trippable, no exponent: what FFmpeg's parsers accept.</summary>
    public static string FormatNumber(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Filter numbers must be finite");
        }

        var text = Math.Round(value, 6).ToString("0.######", CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }

    private static bool IsIdentifier(string text) =>
        !string.IsNullOrEmpty(text) && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
