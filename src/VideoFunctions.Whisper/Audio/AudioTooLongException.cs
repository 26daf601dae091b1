namespace VideoFunctions.Whisper.Audio;

public sealed class AudioTooLongException(TimeSpan limit) : Exception($"The audio is longer than the {limit} this server accepts.");
