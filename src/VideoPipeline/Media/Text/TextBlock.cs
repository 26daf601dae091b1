namespace VideoPipeline.Media.Text;

/// <summary>A run of one face on a line; <see cref="X"/> and <see cref="Width"/> in pixels from the line's left edge.</summary>
public sealed record LaidOutRun(string Text, FontFace Face, bool IsEmoji, double X, double Width);

public sealed record LaidOutLine(IReadOnlyList<LaidOutRun> Runs, double Width);

/// <summary>
/// Text fitted to a box: lines of runs at one em size (pixels), <see cref="LineHeight"/> apart, each with
/// its baseline <see cref="Ascent"/> below the line's top.
/// </summary>
public sealed record TextBlock(double EmPixels, double LineHeight, double Ascent, IReadOnlyList<LaidOutLine> Lines, bool Shortened)
{
    public double Width => this.Lines.Count == 0 ? 0 : this.Lines.Max(l => l.Width);

    public double Height => this.Lines.Count * this.LineHeight;
}

/// <summary>How to fit: the largest and smallest em size, the box (pixels) and a cap on lines.</summary>
public sealed record TextFit(double MaxEmPixels, double MinEmPixels, double Width, double Height, int MaxLines = int.MaxValue);
