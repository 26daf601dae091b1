using System.Text;

namespace VideoPipeline.Media;

/// <summary>Renders a program and its arguments for humans (logs, error messages). Never executed.</summary>
public static class CommandLine
{
    public static string Format(string program, IEnumerable<string> arguments)
    {
        var builder = new StringBuilder(program);
        foreach (var argument in arguments)
        {
            builder.Append(' ').Append(Quote(argument));
        }

        return builder.ToString();
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=+,@%".Contains(c, StringComparison.Ordinal))
            ? argument
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
