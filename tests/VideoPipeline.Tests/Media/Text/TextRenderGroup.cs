namespace VideoPipeline.Tests.Media.Text;

/// <summary>
/// The text render tests run many FFmpeg renders; they run on their own, after the parallel tests, so
/// they do not starve timing-sensitive ones (worker processes killed on a schedule) of the two cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TextRenderGroup
{
    public const string Name = "text renders";
}
