using System.Text;

namespace VideoPipeline.Media.FFmpeg;

/// <summary>
/// A <c>-filter_complex</c> graph: chains of filters joined by pads, e.g.
/// <c>[0:v]scale=w=1280:h=720,setsar=r=1[v0];[v0][v1]concat=n=2:v=1:a=0[vout]</c>.
/// </summary>
public sealed class FilterGraph
{
    private readonly List<FilterChain> chains = [];

    public bool IsEmpty => this.chains.Count == 0;

    /// <summary>Starts a chain reading the given pads ("0:v", "v0", ...); none for a source filter.</summary>
    public FilterChain Chain(params string[] inputs)
    {
        var chain = new FilterChain(inputs);
        this.chains.Add(chain);
        return chain;
    }

    public override string ToString() => string.Join(";", this.chains.Select(c => c.ToString()));
}

public sealed class FilterChain
{
    private readonly IReadOnlyList<string> inputs;
    private readonly List<Filter> filters = [];
    private readonly List<string> outputs = [];

    internal FilterChain(IReadOnlyList<string> inputs)
    {
        foreach (var pad in inputs)
        {
            PadLabel.Validate(pad);
        }

        this.inputs = inputs;
    }

    public FilterChain Then(Filter filter)
    {
        this.filters.Add(filter);
        return this;
    }

    public FilterChain Then(string name, Action<Filter>? configure = null)
    {
        var filter = new Filter(name);
        configure?.Invoke(filter);
        return this.Then(filter);
    }

    /// <summary>Names the chain's output pads.</summary>
    public void To(params string[] pads)
    {
        foreach (var pad in pads)
        {
            PadLabel.Validate(pad);
        }

        this.outputs.AddRange(pads);
    }

    public override string ToString()
    {
        if (this.filters.Count == 0)
        {
            throw new InvalidOperationException("A filter chain needs at least one filter");
        }

        var builder = new StringBuilder();
        foreach (var pad in this.inputs)
        {
            builder.Append('[').Append(pad).Append(']');
        }

        builder.AppendJoin(',', this.filters);
        foreach (var pad in this.outputs)
        {
            builder.Append('[').Append(pad).Append(']');
        }

        return builder.ToString();
    }
}

internal static class PadLabel
{
    // Pads are ours ("v0", "0:a"), never user text, so a strict alphabet is enough.
    public static void Validate(string pad)
    {
        if (string.IsNullOrEmpty(pad) || !pad.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or ':'))
        {
            throw new ArgumentException($"'{pad}' is not a valid filter pad label", nameof(pad));
        }
    }
}
