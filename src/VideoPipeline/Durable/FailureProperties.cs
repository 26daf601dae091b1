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

    /// <summary>
    /// Whether the failure's exception is <typeparamref name="T"/> or derives from it. Unlike
    /// <c>TaskFailureDetails.IsCausedBy</c>, never throws when several loaded assemblies define a type of that name.
    /// </summary>
    public static bool Is<T>(this TaskFailureDetails failure)
        where T : Exception
    {
        if (failure.ErrorType == typeof(T).FullName)
        {
            return true;
        }

        var type = Type.GetType(failure.ErrorType, throwOnError: false)
            ?? typeof(T).Assembly.GetType(failure.ErrorType, throwOnError: false)
            ?? AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(failure.ErrorType, throwOnError: false)).FirstOrDefault(t => t is not null);
        return type is not null && typeof(T).IsAssignableFrom(type);
    }

    public static bool IsNonRetriable(this TaskFailureDetails failure) =>
        string.Equals(failure.Property(NonRetriable), bool.TrueString, StringComparison.OrdinalIgnoreCase);
}
