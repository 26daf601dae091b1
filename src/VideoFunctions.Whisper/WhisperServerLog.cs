namespace VideoFunctions.Whisper;

internal static partial class WhisperServerLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Loaded Whisper model {Path} ({Size}, multilingual {Multilingual}) on the {Runtime} runtime")]
    public static partial void ModelLoaded(ILogger logger, string path, string size, bool multilingual, string runtime);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Transcribed {AudioSeconds:F1} s of audio in {ElapsedSeconds:F2} s ({Segments} segments, {Words} words, language {Language}, model asked {RequestedModel})")]
    public static partial void Transcribed(ILogger logger, double audioSeconds, double elapsedSeconds, int segments, int words, string language, string? requestedModel);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Refused a transcription: {Queued} requests already wait for the model")]
    public static partial void Busy(ILogger logger, int queued);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Could not convert the upload: {Reason}")]
    public static partial void Unreadable(ILogger logger, string reason);
}
