namespace VideoFunctions.Whisper.Audio;

/// <summary>The upload has no audio ffmpeg can decode; the message says what ffmpeg said.</summary>
public sealed class UnreadableAudioException(string reason) : Exception($"The file has no readable audio: {reason}.");
