namespace VideoFunctions.Whisper.Audio;

/// <summary>A 16 kHz mono WAV file and the duration of its audio.</summary>
public sealed record ConvertedAudio(string Path, TimeSpan Duration);
