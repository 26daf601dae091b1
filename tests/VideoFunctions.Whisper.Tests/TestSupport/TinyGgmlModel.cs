using System.Text;

namespace VideoFunctions.Whisper.Tests.TestSupport;

/// <summary>
/// Writes a whisper.cpp model file (the legacy "ggml" layout read by <c>whisper_model_load</c>) with tiny
/// dimensions and seeded random weights: magic, hyper-parameters, mel filters, vocabulary, then every
/// tensor the loader creates, each as {n_dims, name length, type, ne[], name, data}. Such a model loads and
/// runs the real encoder and decoder; what it "hears" is noise, so nothing may be concluded about accuracy.
/// </summary>
public static class TinyGgmlModel
{
    public const uint Magic = 0x67676d6c; // "ggml", GGML_FILE_MAGIC

    private const int TypeF32 = 0;
    private const int TypeF16 = 1;

    /// <summary>The shapes whisper.cpp derives from the hyper-parameters (ggml order: ne[0] first).</summary>
    public sealed record Dimensions(
        int Vocab = 51865, // multilingual: 99 language tokens after <|startoftranscript|>
        int AudioContext = 1500, // 30 s of mel frames after the stride-2 convolution
        int State = 16,
        int Heads = 2,
        int AudioLayers = 4,
        int TextContext = 448,
        int TextLayers = 4, // two decoder layers would read as a first-release distil model, which forces no timestamps
        int Mels = 80);

    /// <summary>Token ids below this are text; <c>&lt;|endoftext|&gt;</c> and the special tokens follow.</summary>
    public const int TextTokens = 50257;

    public static void Write(string path, int seed = 1, Dimensions? dimensions = null)
    {
        using var file = File.Create(path);
        Write(file, seed, dimensions ?? new Dimensions());
    }

    public static void Write(Stream stream, int seed, Dimensions d)
    {
        var random = new Random(seed);
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        foreach (var value in new[] { d.Vocab, d.AudioContext, d.State, d.Heads, d.AudioLayers, d.TextContext, d.State, d.Heads, d.TextLayers, d.Mels, TypeF16 })
        {
            w.Write(value);
        }

        // Mel filter bank: n_mel x (1 + N_FFT/2), N_FFT = 400.
        const int bins = 201;
        w.Write(d.Mels);
        w.Write(bins);
        for (var i = 0; i < d.Mels * bins; i++)
        {
            w.Write((float)(random.NextDouble() * 0.05));
        }

        // The text tokens; the loader names the special ones past the end itself.
        w.Write(TextTokens);
        for (var id = 0; id < TextTokens; id++)
        {
            var token = Encoding.ASCII.GetBytes(Token(id));
            w.Write((uint)token.Length);
            w.Write(token);
        }

        foreach (var (name, shape) in Tensors(d))
        {
            WriteTensor(w, random, name, shape);
        }
    }

    /// <summary>Every tensor <c>whisper_model_load</c> expects, with its ggml shape.</summary>
    public static IEnumerable<(string Name, int[] Shape)> Tensors(Dimensions d)
    {
        var s = d.State;
        yield return ("encoder.positional_embedding", [s, d.AudioContext]);
        yield return ("encoder.conv1.weight", [3, d.Mels, s]);
        yield return ("encoder.conv1.bias", [1, s]);
        yield return ("encoder.conv2.weight", [3, s, s]);
        yield return ("encoder.conv2.bias", [1, s]);
        yield return ("encoder.ln_post.weight", [s]);
        yield return ("encoder.ln_post.bias", [s]);
        for (var i = 0; i < d.AudioLayers; i++)
        {
            foreach (var tensor in Block($"encoder.blocks.{i}", "attn", s))
            {
                yield return tensor;
            }
        }

        yield return ("decoder.positional_embedding", [s, d.TextContext]);
        yield return ("decoder.token_embedding.weight", [s, d.Vocab]);
        yield return ("decoder.ln.weight", [s]);
        yield return ("decoder.ln.bias", [s]);
        for (var i = 0; i < d.TextLayers; i++)
        {
            foreach (var tensor in Block($"decoder.blocks.{i}", "attn", s).Concat(Attention($"decoder.blocks.{i}", "cross_attn", s)))
            {
                yield return tensor;
            }
        }
    }

    private static IEnumerable<(string, int[])> Block(string prefix, string attention, int s) =>
        new (string, int[])[]
        {
            ($"{prefix}.mlp_ln.weight", [s]),
            ($"{prefix}.mlp_ln.bias", [s]),
            ($"{prefix}.mlp.0.weight", [s, 4 * s]),
            ($"{prefix}.mlp.0.bias", [4 * s]),
            ($"{prefix}.mlp.2.weight", [4 * s, s]),
            ($"{prefix}.mlp.2.bias", [s]),
        }.Concat(Attention(prefix, attention, s));

    private static IEnumerable<(string, int[])> Attention(string prefix, string attention, int s) =>
    [
        ($"{prefix}.{attention}_ln.weight", [s]),
        ($"{prefix}.{attention}_ln.bias", [s]),
        ($"{prefix}.{attention}.query.weight", [s, s]),
        ($"{prefix}.{attention}.query.bias", [s]),
        ($"{prefix}.{attention}.key.weight", [s, s]),
        ($"{prefix}.{attention}.value.weight", [s, s]),
        ($"{prefix}.{attention}.value.bias", [s]),
        ($"{prefix}.{attention}.out.weight", [s, s]),
        ($"{prefix}.{attention}.out.bias", [s]),
    ];

    // As whisper.cpp's converter: 1-D tensors, conv biases and positional embeddings stay f32, the rest f16.
    private static void WriteTensor(BinaryWriter w, Random random, string name, int[] shape)
    {
        var f32 = shape.Length == 1 || name.EndsWith("conv1.bias", StringComparison.Ordinal) || name.EndsWith("conv2.bias", StringComparison.Ordinal)
            || name.EndsWith("positional_embedding", StringComparison.Ordinal);
        var nameBytes = Encoding.ASCII.GetBytes(name);
        w.Write(shape.Length);
        w.Write(nameBytes.Length);
        w.Write(f32 ? TypeF32 : TypeF16);
        foreach (var n in shape)
        {
            w.Write(n);
        }

        w.Write(nameBytes);
        var count = shape.Aggregate(1, (a, b) => a * b);
        var isNormWeight = name.EndsWith("ln.weight", StringComparison.Ordinal) || name.EndsWith("ln_post.weight", StringComparison.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var value = isNormWeight ? 1f : (float)((random.NextDouble() * 2 - 1) * 0.1);
            if (f32)
            {
                w.Write(value);
            }
            else
            {
                w.Write((Half)value);
            }
        }
    }

    // As in the real (GPT-2 byte-level) vocabulary: single printable characters first, the blank " " that
    // whisper.cpp suppresses at the start by looking it up, " -" and " '"; then pronounceable ASCII pieces,
    // about one in three starting a word (a leading space), as BPE tokens do.
    private static string Token(int id)
    {
        string[] syllables = ["ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "de", "fa", "gu", "he", "jo", "ve", "wa", "zi"];
        return id switch
        {
            < 94 => ((char)('!' + id)).ToString(),
            220 => " ",
            221 => " -",
            222 => " '",
            _ => (id % 3 == 0 ? " " : "") + syllables[id % 16] + syllables[(id / 16) % 16] + syllables[(id / 256) % 16],
        };
    }
}
