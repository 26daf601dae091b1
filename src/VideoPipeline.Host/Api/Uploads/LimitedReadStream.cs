namespace VideoPipeline.Host.Api.Uploads;

/// <summary>Reads through to <c>inner</c> and throws <see cref="UploadTooLargeException"/> once more than <c>maxBytes</c> have passed.</summary>
internal sealed class LimitedReadStream(Stream inner, long maxBytes) : Stream
{
    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => this.BytesRead; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => this.Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        this.Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        this.ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(int read)
    {
        this.BytesRead += read;
        return this.BytesRead > maxBytes ? throw new UploadTooLargeException(maxBytes) : read;
    }
}

internal sealed class UploadTooLargeException(long maxBytes) : Exception($"The file is larger than {maxBytes} bytes")
{
    public long MaxBytes { get; } = maxBytes;
}
