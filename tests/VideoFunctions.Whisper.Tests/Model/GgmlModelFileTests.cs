using System.Text;
using VideoFunctions.Whisper.Model;
using VideoFunctions.Whisper.Tests.TestSupport;
using VideoPipeline.Tests.TestSupport;

namespace VideoFunctions.Whisper.Tests.Model;

/// <summary>The layout check that runs before whisper.cpp sees a model file.</summary>
public sealed class GgmlModelFileTests : IDisposable
{
    private readonly TempDirectory folder = new();

    [Theory]
    [InlineData(1, 4, 4)]
    [InlineData(7, 6, 2)]
    public void Inspect_a_complete_model_reports_its_shape(int seed, int audioLayers, int textLayers)
    {
        var path = this.folder.File("model.bin");
        TinyGgmlModel.Write(path, seed, new TinyGgmlModel.Dimensions(AudioLayers: audioLayers, TextLayers: textLayers));

        var info = GgmlModelFile.Inspect(path);

        Assert.Equal((51865, 16, audioLayers, textLayers, 80, 1), (info.HyperParameters.Vocab, info.HyperParameters.AudioState, info.HyperParameters.AudioLayers, info.HyperParameters.TextLayers, info.HyperParameters.Mels, info.HyperParameters.FileType));
        Assert.Equal(TinyGgmlModel.Tensors(new TinyGgmlModel.Dimensions(AudioLayers: audioLayers, TextLayers: textLayers)).Count(), info.Tensors);
        Assert.Equal((TinyGgmlModel.TextTokens, new FileInfo(path).Length), (info.VocabularyTokens, info.Bytes));
        Assert.True(info.HyperParameters.IsMultilingual);
    }

    [Fact]
    public void Inspect_a_missing_file_says_it_does_not_exist()
    {
        var error = Assert.Throws<InvalidModelException>(() => GgmlModelFile.Inspect(this.folder.File("nowhere/ggml-small.bin")));

        Assert.Contains("ggml-small.bin' cannot be loaded: the file does not exist", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GGUF", "it is a GGUF file")]
    [InlineData("<htm", "does not start with the ggml magic number (found 0x6d74683c)")]
    public void Inspect_a_file_of_another_format_names_the_magic_number(string start, string expected)
    {
        var path = this.folder.File("model.bin");
        File.WriteAllBytes(path, [.. Encoding.ASCII.GetBytes(start), .. new byte[4096]]);

        var error = Assert.Throws<InvalidModelException>(() => GgmlModelFile.Inspect(path));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(30, "in n_text_state: the file is truncated")] // inside the hyper-parameters
    [InlineData(60_000, "in the mel filters: the file is truncated")]
    [InlineData(200_000, ": the file is truncated")] // inside the vocabulary
    public void Inspect_a_file_cut_short_says_where_it_ends(int length, string expected)
    {
        var path = this.Truncated(length);

        var error = Assert.Throws<InvalidModelException>(() => GgmlModelFile.Inspect(path));

        Assert.Contains($"it ends at byte {length}", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_a_file_cut_inside_the_weights_names_the_tensor()
    {
        var full = this.folder.File("full.bin");
        TinyGgmlModel.Write(full);
        var path = this.Truncated((int)new FileInfo(full).Length - 10);

        var error = Assert.Throws<InvalidModelException>(() => GgmlModelFile.Inspect(path));

        Assert.Contains("in the data of tensor 'decoder.blocks.3.cross_attn.out.bias': the file is truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_a_file_missing_its_last_tensors_counts_them()
    {
        var dimensions = new TinyGgmlModel.Dimensions();
        var path = this.folder.File("model.bin");
        TinyGgmlModel.Write(path, 1, dimensions);
        var last = TinyGgmlModel.Tensors(dimensions).Last();
        var lastTensorBytes = 12 + (4 * last.Shape.Length) + last.Name.Length + (4 * last.Shape.Aggregate(1, (a, b) => a * b));
        using (var file = File.OpenWrite(path))
        {
            file.SetLength(file.Length - lastTensorBytes);
        }

        var error = Assert.Throws<InvalidModelException>(() => GgmlModelFile.Inspect(path));

        Assert.Contains("it holds 166 tensors, a model of 4+4 layers has 167 (truncated?)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_a_vocabulary_entry_of_absurd_length_is_refused_before_anything_reads_it()
    {
        var path = this.folder.File("model.bin");
        TinyGgmlModel.Write(path);
        var bytes = File.ReadAllBytes(path);
        var firstToken = 4 + (11 * 4) + 8 + (80 * 201 * 4) + 4;
        BitConverter.GetBytes(0x7fff_fff0u).CopyTo(bytes, firstToken);
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<InvalidModelException>(() => GgmlModelFile.Inspect(path));

        Assert.Contains("token 0 is 2147483632 bytes long", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => this.folder.Dispose();

    private string Truncated(int length)
    {
        var path = this.folder.File($"cut-{length}.bin");
        using var stream = new MemoryStream();
        TinyGgmlModel.Write(stream, 1, new TinyGgmlModel.Dimensions());
        File.WriteAllBytes(path, stream.ToArray()[..length]);
        return path;
    }
}
