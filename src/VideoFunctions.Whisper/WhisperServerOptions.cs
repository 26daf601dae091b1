namespace VideoFunctions.Whisper;

/// <summary>The Whisper server's settings, bound from the <c>WhisperServer</c> section (env: <c>WhisperServer__ModelPath</c>, …).</summary>
public sealed class WhisperServerOptions
{
    public const string Section = "WhisperServer";

    /// <summary>The whisper.cpp ggml model file (e.g. a mounted <c>/models/ggml-small.bin</c>). Required.</summary>
    public string ModelPath { get; set; } = string.Empty;

    /// <summary>Native runtimes to try, in order (Whisper.net names: Cuda, Cuda12, Vulkan, Cpu, CpuNoAvx); empty keeps Whisper.net's order.</summary>
    public List<string> Runtimes { get; set; } = [];

    /// <summary>Refuse to start unless a GPU runtime loaded: a GPU container silently running on its CPU is an outage, not a fallback.</summary>
    public bool RequireGpu { get; set; }

    /// <summary>Use the GPU when the loaded runtime has one.</summary>
    public bool UseGpu { get; set; } = true;

    /// <summary>CPU threads per transcription (the encoder's CPU parts and the CPU runtime); 0 for all cores.</summary>
    public int Threads { get; set; }

    /// <summary>Transcriptions running at once; each holds its own decoder state (GPU memory).</summary>
    public int MaxConcurrentTranscriptions { get; set; } = 1;

    /// <summary>Requests waiting for a slot beyond the running ones; more are answered 429 with Retry-After.</summary>
    public int MaxQueuedRequests { get; set; } = 8;

    /// <summary>Largest upload accepted (413 above).</summary>
    public long MaxUploadBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Longest audio accepted (413 above). Whisper holds the whole decoded audio: 16 kHz float samples, 230 MB per hour.</summary>
    public TimeSpan MaxAudioDuration { get; set; } = TimeSpan.FromHours(2);

    public string FFmpegPath { get; set; } = "ffmpeg";

    /// <summary>Longest an audio conversion may run before it is killed.</summary>
    public TimeSpan FFmpegTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Where uploads and converted audio are kept while a request runs.</summary>
    public string WorkDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "whisper-server");
}
