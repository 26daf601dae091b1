namespace VideoFunctions.Whisper.Model;

/// <summary>The model cannot be used; the message names the file and what is wrong, in one line.</summary>
public sealed class InvalidModelException(string path, string reason, Exception? inner = null)
    : Exception($"The Whisper model '{path}' cannot be loaded: {reason}.", inner)
{
    public string ModelPath { get; } = path;
}
