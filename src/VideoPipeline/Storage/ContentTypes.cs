namespace VideoPipeline.Storage;

public static class ContentTypes
{
    public const string Mp4 = "video/mp4";
    public const string Wav = "audio/wav";
    public const string Json = "application/json";
    public const string Srt = "application/x-subrip";
    public const string Vtt = "text/vtt";
    public const string Ass = "text/x-ssa";
    public const string Jpeg = "image/jpeg";
    public const string OctetStream = "application/octet-stream";

    public static string FromExtension(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".mp4" or ".m4v" => Mp4,
        ".mov" => "video/quicktime",
        ".webm" => "video/webm",
        ".wav" => Wav,
        ".mp3" => "audio/mpeg",
        ".m4a" => "audio/mp4",
        ".ogg" or ".oga" => "audio/ogg",
        ".flac" => "audio/flac",
        ".json" => Json,
        ".srt" => Srt,
        ".vtt" => Vtt,
        ".ass" => Ass,
        ".jpg" or ".jpeg" => Jpeg,
        ".png" => "image/png",
        _ => OctetStream,
    };
}
