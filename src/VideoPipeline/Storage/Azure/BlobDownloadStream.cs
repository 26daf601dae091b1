namespace VideoPipeline.Storage.Azure;

/// <summary>
/// The body of a Get Blob response, read straight off the connection; disposing it releases the response.
/// </summary>
public sealed class BlobDownloadStream : Stream
{
    private readonly HttpResponseMessage response;
    private readonly Stream body;
    private long position;

    internal BlobDownloadStream(HttpResponseMessage response, Stream body, BlobProperties properties, long contentLength)
    {
        this.response = response;
        this.body = body;
        this.Properties = properties;
        this.ContentLength = contentLength;
    }

    /// <summary>The whole blob's properties (its full length even when a range was read).</summary>
    public BlobProperties Properties { get; }

    /// <summary>How many bytes this response carries: the range's length, or the blob's.</summary>
    public long ContentLength { get; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    /// <summary>The bytes this response carries (known up front, although the stream cannot seek).</summary>
    public override long Length => this.ContentLength;

    /// <summary>Bytes read so far; cannot be set.</summary>
    public override long Position { get => this.position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => this.Counted(this.body.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => this.Counted(this.body.Read(buffer));

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        this.Counted(await this.body.ReadAsync(buffer.AsMemory(offset, count), cancellationToken));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        this.Counted(await this.body.ReadAsync(buffer, cancellationToken));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Counted(int read)
    {
        this.position += read;
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            this.body.Dispose();
            this.response.Dispose();
        }

        base.Dispose(disposing);
    }
}
