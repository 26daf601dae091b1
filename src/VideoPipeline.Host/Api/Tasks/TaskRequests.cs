namespace VideoPipeline.Host.Api.Tasks;

/// <summary>Seed 003 <c>POST /api/tasks/caption</c>. URLs may be <c>asset://{id}</c> (an upload or an earlier output).</summary>
public sealed record CaptionTaskRequest
{
    public string? VideoUrl { get; init; }

    /// <summary>tiny | base | small (default) | medium | large; engines without sizes ignore it.</summary>
    public string? ModelSize { get; init; }

    public string? Language { get; init; }

    public int? WordsPerLine { get; init; }

    public CaptionStyleRequest? Style { get; init; }
}

/// <summary>Burned-caption look; omitted fields keep the defaults (yellow Arial Black with a black outline, bottom centre).</summary>
public sealed record CaptionStyleRequest
{
    public int? FontSize { get; init; }

    public string? FontName { get; init; }

    public string? PrimaryColor { get; init; }

    public string? OutlineColor { get; init; }

    /// <summary>ASS numpad position: 1-3 bottom, 4-6 middle, 7-9 top.</summary>
    public int? Alignment { get; init; }
}

/// <summary>Seed 003 <c>POST /api/tasks/merge</c>.</summary>
public sealed record MergeTaskRequest
{
    public List<MergeSceneRequest>? Scenes { get; init; }

    /// <summary>cover (default) | contain.</summary>
    public string? Mode { get; init; }

    public double? VideoVolume { get; init; }

    public double? VoiceoverVolume { get; init; }
}

public sealed record MergeSceneRequest
{
    public string? VideoUrl { get; init; }

    public string? VoiceoverUrl { get; init; }
}

/// <summary>Seed 003 <c>POST /api/tasks/background-music</c>.</summary>
public sealed record BackgroundMusicTaskRequest
{
    public string? VideoUrl { get; init; }

    public string? MusicUrl { get; init; }

    public double? MusicVolume { get; init; }

    public double? VideoVolume { get; init; }
}
