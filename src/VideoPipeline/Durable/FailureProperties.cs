using System.Globalization;
using Microsoft.DurableTask;

namespace VideoPipeline.Durable;

/// <summary>Facts an activity's exception carries across the activity boundary (<see cref="ExceptionDataProperties"/>).</summary>
public static class FailureProperties
{
    /// <summary>Set when retrying cannot help (the application decides which exceptions: <see cref="ExceptionDataProperties"/>).</summary>
    public const string NonRetriable = "non_retriable";

    /// <summary>A property as text, whatever type the backend gave it back as; null when absent.</summary>
    public static string? Property(this TaskFailureDetails failure, string key) =>
        failure.Properties is { } properties && properties.TryGetValue(key, out var value) && value is not null
            ? Convert.ToString(value, CultureInfo.InvariantCulture)
            : null;

    public static bool IsNonRetriable(this TaskFailureDetails failure) =>
        string.Equals(failure.Property(NonRetriable), bool.TrueString, StringComparison.OrdinalIgnoreCase);
}
