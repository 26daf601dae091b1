namespace VideoPipeline.Storage;

/// <summary>
/// A reference to a stored asset: a container (one per asset kind) and a blob name.
/// Activities pass these between each other, never media bytes.
/// </summary>
public sealed record AssetRef(string Container, string Name)
{
    public override string ToString() => $"{Container}/{Name}";

    public static AssetRef Parse(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == text.Length - 1)
        {
            throw new FormatException($"'{text}' is not an asset reference of the form container/name");
        }

        return new AssetRef(text[..slash], text[(slash + 1)..]);
    }
}
