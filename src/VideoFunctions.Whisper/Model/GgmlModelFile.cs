using System.Buffers.Binary;
using System.Globalization;

namespace VideoFunctions.Whisper.Model;

/// <summary>
/// Walks a whisper.cpp model file (the ggml layout <c>whisper_model_load</c> reads: magic, hyper-parameters,
/// mel filters, vocabulary, tensors) without reading the weights, so a missing, truncated or foreign file is
/// refused with a message naming what is wrong, before the native loader sees it: that loader reads sizes
/// from the file unchecked, and a corrupt one can take the process down instead of failing.
/// </summary>
public static class GgmlModelFile
{
    private const uint Magic = 0x67676d6c; // "ggml"
    private const uint GgufMagic = 0x46554747; // "GGUF", the format of llama.cpp models
    private const int MelFftBins = 201; // 1 + N_FFT/2, N_FFT = 400
    private const int MaxTokenBytes = 1024;
    private const int MaxNameBytes = 256;

    // ggml type id → (elements per block, bytes per block), for the types whisper.cpp writes (ggml-common.h).
    private static readonly Dictionary<int, (int Block, int Bytes)> TypeSizes = new()
    {
        [0] = (1, 4), // F32
        [1] = (1, 2), // F16
        [2] = (32, 18), // Q4_0
        [3] = (32, 20), // Q4_1
        [6] = (32, 22), // Q5_0
        [7] = (32, 24), // Q5_1
        [8] = (32, 34), // Q8_0
        [10] = (256, 84), // Q2_K
        [11] = (256, 110), // Q3_K
        [12] = (256, 144), // Q4_K
        [13] = (256, 176), // Q5_K
        [14] = (256, 210), // Q6_K
        [30] = (1, 2), // BF16
    };

    /// <exception cref="InvalidModelException">The file is missing or not a complete whisper.cpp model.</exception>
    public static GgmlModelInfo Inspect(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidModelException(path, "the file does not exist (is the model volume mounted?)");
        }

        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var reader = new Reader(file, path);
        var magic = reader.UInt32("the magic number");
        if (magic != Magic)
        {
            throw reader.Invalid(magic == GgufMagic
                ? "it is a GGUF file; whisper.cpp reads ggml model files (ggml-*.bin)"
                : string.Create(CultureInfo.InvariantCulture, $"it does not start with the ggml magic number (found 0x{magic:x8})"));
        }

        var p = new GgmlHyperParameters(
            reader.Positive("n_vocab"), reader.Positive("n_audio_ctx"), reader.Positive("n_audio_state"), reader.Positive("n_audio_head"),
            reader.Positive("n_audio_layer"), reader.Positive("n_text_ctx"), reader.Positive("n_text_state"), reader.Positive("n_text_head"),
            reader.Positive("n_text_layer"), reader.Positive("n_mels"), reader.Int32("ftype") % 1000);
        if (p.TextState != p.AudioState)
        {
            throw reader.Invalid($"n_text_state {p.TextState} differs from n_audio_state {p.AudioState}");
        }

        var (melCount, fftBins) = (reader.Int32("the mel filter count"), reader.Int32("the mel filter width"));
        if (melCount != p.Mels || fftBins != MelFftBins)
        {
            throw reader.Invalid($"its mel filters are {melCount} x {fftBins}, expected {p.Mels} x {MelFftBins}");
        }

        reader.Skip((long)melCount * fftBins * sizeof(float), "the mel filters");

        var vocabulary = reader.Int32("the vocabulary size");
        if (vocabulary < 0 || vocabulary > p.Vocab)
        {
            throw reader.Invalid($"its vocabulary lists {vocabulary} tokens, more than n_vocab {p.Vocab}");
        }

        for (var i = 0; i < vocabulary; i++)
        {
            var length = reader.UInt32("a token length");
            if (length > MaxTokenBytes)
            {
                throw reader.Invalid($"token {i} is {length} bytes long");
            }

            reader.Skip(length, $"token {i}");
        }

        var tensors = 0;
        while (!reader.AtEnd)
        {
            ReadTensor(reader);
            tensors++;
        }

        var expected = p.ExpectedTensors;
        return tensors == expected
            ? new GgmlModelInfo(p, vocabulary, tensors, file.Length)
            : throw reader.Invalid($"it holds {tensors} tensors, a model of {p.AudioLayers}+{p.TextLayers} layers has {expected} (truncated?)");
    }

    private static void ReadTensor(Reader reader)
    {
        var (dimensions, nameLength, type) = (reader.Int32("a tensor header"), reader.Int32("a tensor header"), reader.Int32("a tensor header"));
        if (dimensions is < 1 or > 4 || nameLength is < 1 or > MaxNameBytes)
        {
            throw reader.Invalid($"a tensor header says {dimensions} dimensions and a {nameLength}-byte name");
        }

        long elements = 1;
        for (var i = 0; i < dimensions; i++)
        {
            elements *= reader.Positive("a tensor dimension");
        }

        var name = reader.Ascii(nameLength, "a tensor name");
        if (!TypeSizes.TryGetValue(type, out var size))
        {
            throw reader.Invalid($"tensor '{name}' has type {type}, which whisper.cpp does not write");
        }

        if (elements % size.Block != 0)
        {
            throw reader.Invalid($"tensor '{name}' has {elements} elements, not whole blocks of {size.Block}");
        }

        reader.Skip(elements / size.Block * size.Bytes, $"the data of tensor '{name}'");
    }

    private sealed class Reader(FileStream file, string path)
    {
        private readonly byte[] buffer = new byte[MaxNameBytes];

        public bool AtEnd => file.Position >= file.Length;

        public uint UInt32(string what)
        {
            this.Fill(4, what);
            return BinaryPrimitives.ReadUInt32LittleEndian(this.buffer);
        }

        public int Int32(string what)
        {
            this.Fill(4, what);
            return BinaryPrimitives.ReadInt32LittleEndian(this.buffer);
        }

        public int Positive(string what)
        {
            var value = this.Int32(what);
            return value is > 0 and <= 1 << 20 ? value : throw this.Invalid($"{what} is {value}");
        }

        public string Ascii(int length, string what)
        {
            this.Fill(length, what);
            return System.Text.Encoding.ASCII.GetString(this.buffer, 0, length);
        }

        public void Skip(long bytes, string what)
        {
            if (file.Length - file.Position < bytes)
            {
                throw this.Truncated(what);
            }

            file.Seek(bytes, SeekOrigin.Current);
        }

        public InvalidModelException Invalid(string reason) =>
            new(path, string.Create(CultureInfo.InvariantCulture, $"{reason} (at byte {file.Position} of {file.Length})"));

        private void Fill(int count, string what)
        {
            if (file.Length - file.Position < count)
            {
                throw this.Truncated(what);
            }

            file.ReadExactly(this.buffer, 0, count);
        }

        private InvalidModelException Truncated(string what) =>
            new(path, string.Create(CultureInfo.InvariantCulture, $"it ends at byte {file.Length}, in {what}: the file is truncated"));
    }
}
