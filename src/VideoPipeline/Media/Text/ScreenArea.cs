namespace VideoPipeline.Media.Text;

/// <summary>A rectangle on the frame (pixels) occupied by text from <see cref="Start"/> to <see cref="End"/> seconds.</summary>
public sealed record ScreenArea(double X, double Y, double Width, double Height, double Start, double End)
{
    public bool Overlaps(ScreenArea other) =>
        this.Start < other.End && other.Start < this.End
        && this.X < other.X + other.Width && other.X < this.X + this.Width
        && this.Y < other.Y + other.Height && other.Y < this.Y + this.Height;
}

/// <summary>A colour emoji glyph to overlay as an image (pixels, seconds): glyph <see cref="Ordinal"/> of <see cref="Cluster"/> in the emoji face.</summary>
public sealed record EmojiPlacement(string Cluster, int Ordinal, int X, int Y, int Width, int Height, double Start, double End);
