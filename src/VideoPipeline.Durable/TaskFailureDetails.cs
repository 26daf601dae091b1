using System.Collections;

namespace VideoPipeline.Durable;

/// <summary>
/// A serializable description of a failed task (Durable's <c>TaskFailureDetails</c>). Exception
/// objects never cross the activity boundary, only this record does.
/// </summary>
public sealed record TaskFailureDetails(
    string ErrorType,
    string ErrorMessage,
    string? StackTrace = null,
    TaskFailureDetails? InnerFailure = null,
    bool IsNonRetriable = false)
{
    /// <summary>
    /// Extra facts copied from <see cref="Exception.Data"/> (string keys, primitive values), e.g. an error code.
    /// </summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();

    /// <summary>True when the failure's exception type is <typeparamref name="T"/> or derives from it.</summary>
    public bool IsCausedBy<T>()
        where T : Exception =>
        this.ErrorType == typeof(T).FullName || this.BaseTypes.Contains(typeof(T).FullName!);

    /// <summary>Full names of the exception's base types, so IsCausedBy works across assemblies without loading types.</summary>
    public IReadOnlyList<string> BaseTypes { get; init; } = [];

    public static TaskFailureDetails FromException(Exception exception, Func<Exception, bool>? isNonRetriable = null)
    {
        var baseTypes = new List<string>();
        for (var t = exception.GetType().BaseType; t is not null && t != typeof(object); t = t.BaseType)
        {
            baseTypes.Add(t.FullName!);
        }

        var properties = new Dictionary<string, string>();
        foreach (DictionaryEntry entry in exception.Data)
        {
            if (entry.Key is string key && entry.Value is string or int or long or bool or double)
            {
                properties[key] = Convert.ToString(entry.Value, System.Globalization.CultureInfo.InvariantCulture)!;
            }
        }

        return new TaskFailureDetails(
            exception.GetType().FullName!,
            exception.Message,
            exception.StackTrace,
            exception.InnerException is { } inner ? FromException(inner) : null,
            isNonRetriable?.Invoke(exception) ?? false)
        {
            BaseTypes = baseTypes,
            Properties = properties,
        };
    }
}
