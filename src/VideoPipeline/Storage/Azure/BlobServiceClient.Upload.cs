using System.Buffers;
using System.Globalization;
using System.Security;
using System.Text;

namespace VideoPipeline.Storage.Azure;

public sealed partial class BlobServiceClient
{
    /// <summary>Uploads a local file as a block blob, streaming it (never loaded whole).</summary>
    public async Task<BlobProperties> UploadFileAsync(
        string container, string name, string path, BlobUploadOptions? upload = null, CancellationToken cancellationToken = default)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return await this.UploadAsync(container, name, file, upload, cancellationToken);
    }

    /// <summary>
    /// Uploads a stream as a block blob. Up to <see cref="StorageOptions.SingleUploadMaxBytes"/> it is one Put Blob;
    /// above, it is sent as blocks (at most <see cref="StorageOptions.MaxParallelBlocks"/> in flight) and committed
    /// with one Put Block List, so a failed upload never leaves partial content under the name.
    /// </summary>
    public async Task<BlobProperties> UploadAsync(
        string container, string name, Stream content, BlobUploadOptions? upload = null, CancellationToken cancellationToken = default)
    {
        upload ??= new BlobUploadOptions();
        ValidateMetadata(upload.Metadata);
        _ = this.BlobUri(container, name);

        var single = this.options.SingleUploadMaxBytes;
        if (content.CanSeek)
        {
            var remaining = content.Length - content.Position;
            return remaining > single
                ? await this.UploadBlocksAsync(container, name, content, upload, cancellationToken)
                : await this.PutKnownLengthAsync(container, name, content, (int)remaining, upload, cancellationToken);
        }

        // Unknown length: read up to the single-shot limit, then one byte more, to learn which way to go.
        var head = ArrayPool<byte>.Shared.Rent(single);
        try
        {
            var read = await ReadFullAsync(content, head.AsMemory(0, single), cancellationToken);
            var extra = new byte[1];
            if (read < single || await ReadFullAsync(content, extra, cancellationToken) == 0)
            {
                return await this.PutBlobAsync(container, name, head.AsMemory(0, read), upload, cancellationToken);
            }

            using var rest = new PrefixedStream([head.AsMemory(0, read), extra], content);
            return await this.UploadBlocksAsync(container, name, rest, upload, cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(head);
        }
    }

    // A small seekable source: a buffer of exactly its size, so many small uploads in parallel stay cheap.
    private async Task<BlobProperties> PutKnownLengthAsync(
        string container, string name, Stream content, int length, BlobUploadOptions upload, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var read = await ReadFullAsync(content, buffer.AsMemory(0, length), cancellationToken);
            return await this.PutBlobAsync(container, name, buffer.AsMemory(0, read), upload, cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task<BlobProperties> PutBlobAsync(
        string container, string name, ReadOnlyMemory<byte> bytes, BlobUploadOptions upload, CancellationToken cancellationToken)
    {
        using var response = await this.pipeline.SendAsync(
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Put, this.BlobUri(container, name))
                {
                    Content = new ReadOnlyMemoryContent(bytes),
                };
                request.Headers.TryAddWithoutValidation("x-ms-blob-type", "BlockBlob");
                request.Headers.TryAddWithoutValidation("x-ms-blob-content-type", upload.ContentType);
                AddMetadata(request, upload.Metadata);
                upload.Conditions?.Apply(request);
                return request;
            },
            cancellationToken);
        return Uploaded(container, name, bytes.Length, upload, response);
    }

    private async Task<BlobProperties> UploadBlocksAsync(
        string container, string name, Stream content, BlobUploadOptions upload, CancellationToken cancellationToken)
    {
        var blockSize = this.options.BlockSizeBytes;
        var uploadId = Guid.NewGuid().ToString("N");
        var blockIds = new List<string>();
        var inFlight = new List<Task>();
        using var slots = new SemaphoreSlim(this.options.MaxParallelBlocks);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        long total = 0;
        try
        {
            for (var index = 0; ; index++)
            {
                await slots.WaitAsync(failed.Token);
                var buffer = ArrayPool<byte>.Shared.Rent(blockSize);
                int read;
                try
                {
                    read = await ReadFullAsync(content, buffer.AsMemory(0, blockSize), failed.Token);
                }
                catch
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    slots.Release();
                    throw;
                }

                if (read == 0)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    slots.Release();
                    break;
                }

                // Ids of one blob must all have the same length; the upload id keeps concurrent uploads apart.
                var blockId = Convert.ToBase64String(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{uploadId}-{index:D6}")));
                blockIds.Add(blockId);
                inFlight.Add(this.PutBlockAsync(container, name, blockId, buffer, read, slots, failed));
                total += read;
                if (read < blockSize)
                {
                    break;
                }
            }

            await Task.WhenAll(inFlight);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A block failed and cancelled the rest: report that block's error, not the cancellation it caused.
            await failed.CancelAsync();
            var errors = await DrainAsync(inFlight);
            var cause = errors.FirstOrDefault(e => e is not OperationCanceledException);
            if (cause is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(cause);
            }

            throw;
        }
        catch (Exception)
        {
            await DrainAsync(inFlight);
            throw;
        }

        return await this.PutBlockListAsync(container, name, blockIds, total, upload, cancellationToken);
    }

    private async Task PutBlockAsync(
        string container, string name, string blockId, byte[] buffer, int length, SemaphoreSlim slots, CancellationTokenSource failed)
    {
        try
        {
            var uri = this.BlobUri(container, name, "comp=block&blockid=" + Uri.EscapeDataString(blockId));
            using var response = await this.pipeline.SendAsync(
                () => new HttpRequestMessage(HttpMethod.Put, uri) { Content = new ReadOnlyMemoryContent(buffer.AsMemory(0, length)) },
                failed.Token);
        }
        catch
        {
            await failed.CancelAsync();
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            slots.Release();
        }
    }

    private async Task<BlobProperties> PutBlockListAsync(
        string container, string name, List<string> blockIds, long total, BlobUploadOptions upload, CancellationToken cancellationToken)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><BlockList>");
        foreach (var id in blockIds)
        {
            xml.Append("<Latest>").Append(SecurityElement.Escape(id)).Append("</Latest>");
        }

        var body = Encoding.UTF8.GetBytes(xml.Append("</BlockList>").ToString());
        using var response = await this.pipeline.SendAsync(
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Put, this.BlobUri(container, name, "comp=blocklist"))
                {
                    Content = new ByteArrayContent(body),
                };
                request.Headers.TryAddWithoutValidation("x-ms-blob-content-type", upload.ContentType);
                AddMetadata(request, upload.Metadata);
                upload.Conditions?.Apply(request);
                return request;
            },
            cancellationToken);
        return Uploaded(container, name, total, upload, response);
    }

    private static BlobProperties Uploaded(string container, string name, long length, BlobUploadOptions upload, HttpResponseMessage response) =>
        new(
            container,
            name,
            length,
            upload.ContentType,
            ETagOf(response),
            response.Content.Headers.LastModified ?? DateTimeOffset.UtcNow,
            upload.Metadata ?? new Dictionary<string, string>());

    private static async Task<List<Exception>> DrainAsync(List<Task> tasks)
    {
        var errors = new List<Exception>();
        foreach (var task in tasks)
        {
            try
            {
                await task;
            }
            catch (Exception e)
            {
                errors.Add(e);
            }
        }

        return errors;
    }

    private static async Task<int> ReadFullAsync(Stream stream, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer[total..], cancellationToken);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
