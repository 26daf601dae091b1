namespace VideoFunctions.Whisper.Model;

/// <summary>What <see cref="GgmlModelFile.Inspect"/> found: the model's shape, without its weights.</summary>
public sealed record GgmlModelInfo(GgmlHyperParameters HyperParameters, int VocabularyTokens, int Tensors, long Bytes);
