namespace VideoFunctions.Whisper.Model;

/// <summary>The eleven int32 that follow the magic number of a whisper.cpp model, in file order.</summary>
public sealed record GgmlHyperParameters(
    int Vocab, int AudioContext, int AudioState, int AudioHeads, int AudioLayers,
    int TextContext, int TextState, int TextHeads, int TextLayers, int Mels, int FileType)
{
    /// <summary>The tensors whisper.cpp creates: 7 encoder-wide, 15 per encoder block, 4 decoder-wide, 24 per decoder block.</summary>
    public int ExpectedTensors => 11 + (15 * this.AudioLayers) + (24 * this.TextLayers);

    public bool IsMultilingual => this.Vocab >= 51865;

    /// <summary>The size whisper.cpp names by the encoder depth (tiny 4, base 6, small 12, medium 24, large 32).</summary>
    public string SizeName => this.AudioLayers switch
    {
        4 => "tiny",
        6 => "base",
        12 => "small",
        24 => "medium",
        32 => "large",
        _ => "unknown",
    };
}
