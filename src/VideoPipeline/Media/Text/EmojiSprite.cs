namespace VideoPipeline.Media.Text;

/// <summary>A colour emoji image on disk and where and when it is overlaid.</summary>
public sealed record EmojiSprite(string Path, EmojiPlacement Placement)
{
    /// <summary>Writes each distinct glyph of <paramref name="placements"/> once, as the PNG stored in the emoji font.</summary>
    public static async Task<IReadOnlyList<EmojiSprite>> WriteAsync(TextFonts fonts, IEnumerable<EmojiPlacement> placements, string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fonts);
        var sprites = new List<EmojiSprite>();
        var written = new Dictionary<(string, int), string?>();
        foreach (var placement in placements)
        {
            var key = (placement.Cluster, placement.Ordinal);
            if (!written.TryGetValue(key, out var path))
            {
                var glyphs = fonts.Emoji?.ColorGlyphs(placement.Cluster) ?? [];
                path = null;
                if (placement.Ordinal < glyphs.Count)
                {
                    path = System.IO.Path.Combine(directory, $"emoji-{written.Count}.png");
                    await File.WriteAllBytesAsync(path, glyphs[placement.Ordinal].Png, cancellationToken);
                }

                written[key] = path;
            }

            if (path is not null)
            {
                sprites.Add(new EmojiSprite(path, placement));
            }
        }

        return sprites;
    }
}
