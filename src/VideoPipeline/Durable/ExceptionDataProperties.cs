using System.Collections;
using Microsoft.DurableTask.Worker;

namespace VideoPipeline.Durable;

/// <summary>
/// Copies an exception's <see cref="Exception.Data"/> (string keys, primitive values) into its task failure details,
/// so facts such as an error code survive the activity boundary (<c>TaskFailureDetails.Properties</c>), and marks
/// the failures the application says retrying cannot help (<see cref="FailureProperties.NonRetriable"/>).
/// </summary>
public sealed class ExceptionDataProperties(Func<Exception, bool>? isNonRetriable = null) : IExceptionPropertiesProvider
{
    public static ExceptionDataProperties Instance { get; } = new();

    public IDictionary<string, object?>? GetExceptionProperties(Exception exception)
    {
        Dictionary<string, object?>? properties = null;
        foreach (DictionaryEntry entry in exception.Data)
        {
            if (entry.Key is string key && entry.Value is string or int or long or bool or double)
            {
                (properties ??= [])[key] = entry.Value;
            }
        }

        if (isNonRetriable?.Invoke(exception) == true)
        {
            (properties ??= [])[FailureProperties.NonRetriable] = true;
        }

        return properties;
    }
}
