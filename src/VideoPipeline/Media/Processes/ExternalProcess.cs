using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace VideoPipeline.Media;

/// <summary>
/// Runs a command-line tool with an argument list (no shell), closed stdin, stdout streamed line by
/// line, and the tail of stderr kept for error messages. Cancellation and the timeout kill the
/// whole process tree, so a stuck tool never outlives its job.
/// </summary>
public static class ExternalProcess
{
    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        ProcessRunOptions options,
        CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (options.WorkingDirectory is not null)
        {
            startInfo.WorkingDirectory = options.WorkingDirectory;
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        cancellationToken.ThrowIfCancellationRequested();
        using var process = new Process { StartInfo = startInfo };
        var stopwatch = Stopwatch.StartNew();
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new ToolNotFoundException(fileName, e);
        }

        process.StandardInput.Close();
        var stdout = options.CaptureStdout ? new StringBuilder() : null;
        var stderr = new TailBuffer(options.StderrTailLines);
        var readStdout = PumpAsync(process.StandardOutput, line =>
        {
            stdout?.AppendLine(line);
            options.OnStdoutLine?.Invoke(line);
        });
        var readStderr = PumpAsync(process.StandardError, stderr.Add);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (options.Timeout is { } timeout)
        {
            deadline.CancelAfter(timeout);
        }

        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException(
                $"{Path.GetFileName(fileName)} did not finish within {options.Timeout} and was killed: {CommandLine.Format(fileName, arguments)}");
        }

        await Task.WhenAll(readStdout, readStderr);
        return new ProcessResult(process.ExitCode, stdout?.ToString() ?? "", stderr.Lines, stopwatch.Elapsed);
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private static async Task PumpAsync(StreamReader reader, Action<string> onLine)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            onLine(line);
        }
    }

    private sealed class TailBuffer(int capacity)
    {
        private readonly Queue<string> lines = new();

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (this.lines)
                {
                    return [.. this.lines];
                }
            }
        }

        public void Add(string line)
        {
            lock (this.lines)
            {
                this.lines.Enqueue(line);
                while (this.lines.Count > capacity)
                {
                    this.lines.Dequeue();
                }
            }
        }
    }
}

public sealed record ProcessRunOptions
{
    public string? WorkingDirectory { get; init; }

    public bool CaptureStdout { get; init; } = true;

    public Action<string>? OnStdoutLine { get; init; }

    public int StderrTailLines { get; init; } = 60;

    /// <summary>Hang protection: the process is killed after this long.</summary>
    public TimeSpan? Timeout { get; init; }
}

public sealed record ProcessResult(int ExitCode, string Stdout, IReadOnlyList<string> StderrTail, TimeSpan Elapsed);
