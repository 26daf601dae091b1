namespace VideoPipeline.Storage.Azure;

/// <summary>
/// The body of a Get Blob response, read straight off the connection; disposing it releases the response.
/// </summary>
public sealed class BlobDownloadStream : Stream
{
    private readonly HttpResponseMessage response;
    private readonly Stream body;

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

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => this.body.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => this.body.Read(buffer);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        this.body.ReadAsync(buffer, offset, count, cancellationToken);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        this.body.ReadAsync(buffer, cancellationToken);

    public override Task CopyToAsync(Stream destination, int bufferSize, CancellationToken cancellationToken) =>
        this.body.CopyToAsync(destination, bufferSize, cancellationToken);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

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
