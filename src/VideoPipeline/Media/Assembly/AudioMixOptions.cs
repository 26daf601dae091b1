namespace VideoPipeline.Media.Assembly;

/// <summary>Mix levels and loudness target; defaults are the seeds' (scene ×0.2, voice ×2.0, music ×0.3) and EBU R128 −16 LUFS.</summary>
public sealed class AudioMixOptions
{
    public const string Section = "AudioMix";

    public double SceneAudioVolume { get; set; } = 0.2;

    public double VoiceVolume { get; set; } = 2.0;

    public double MusicVolume { get; set; } = 0.3;

    public double MusicFadeOutSeconds { get; set; } = 3.0;

    public double TargetLoudness { get; set; } = -16;

    /// <summary>Peak ceiling in dBTP; a limiter holds peaks under it after the loudness gain.</summary>
    public double TruePeak { get; set; } = -1.5;
}
