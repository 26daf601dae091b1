namespace VideoPipeline.Storage.Azure;

/// <summary>A read-only stream of some chunks already read, followed by the rest of the source.</summary>
internal sealed class PrefixedStream(ReadOnlyMemory<byte>[] chunks, Stream rest) : Stream
{
    private int chunk;
    private int offset;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => this.Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) =>
        this.chunk < chunks.Length ? this.ReadChunk(buffer) : rest.Read(buffer);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        this.chunk < chunks.Length ? ValueTask.FromResult(this.ReadChunk(buffer.Span)) : rest.ReadAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        this.ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int ReadChunk(Span<byte> buffer)
    {
        var remaining = chunks[this.chunk].Span[this.offset..];
        var count = Math.Min(buffer.Length, remaining.Length);
        remaining[..count].CopyTo(buffer);
        this.offset += count;
        if (this.offset == chunks[this.chunk].Length)
        {
            this.chunk++;
            this.offset = 0;
        }

        return count;
    }
}
