using System.Globalization;
using System.Runtime.CompilerServices;
using System.Xml.Linq;

namespace VideoPipeline.Storage.Azure;

public sealed partial class BlobServiceClient
{
    /// <summary>
    /// Opens the blob (or a range of it) for streaming. Dispose the stream to release the connection.
    /// </summary>
    /// <exception cref="StorageRequestException">BlobNotFound or ContainerNotFound (404), InvalidRange (416), a failed condition (412).</exception>
    public async Task<BlobDownloadStream> DownloadAsync(
        string container,
        string name,
        BlobRange? range = null,
        BlobRequestConditions? conditions = null,
        CancellationToken cancellationToken = default)
    {
        var response = await this.pipeline.SendAsync(
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, this.BlobUri(container, name));
                if (range is { } r)
                {
                    request.Headers.TryAddWithoutValidation("x-ms-range", r.ToHeader());
                }

                conditions?.Apply(request);
                return request;
            },
            cancellationToken,
            HttpCompletionOption.ResponseHeadersRead);
        try
        {
            var carried = response.Content.Headers.ContentLength ?? 0;
            var total = response.Content.Headers.ContentRange?.Length ?? carried;
            var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            return new BlobDownloadStream(response, body, ReadProperties(container, name, response, total), carried);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>Streams the blob into a local file.</summary>
    public async Task DownloadToFileAsync(string container, string name, string path, CancellationToken cancellationToken = default)
    {
        await using var source = await this.DownloadAsync(container, name, cancellationToken: cancellationToken);
        await using var target = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        await source.CopyToAsync(target, 1 << 20, cancellationToken);
    }

    /// <summary>One page of blobs whose names start with <paramref name="prefix"/>, metadata included.</summary>
    public async Task<BlobListPage> ListBlobsAsync(
        string container, string? prefix = null, string? marker = null, int? maxResults = null, CancellationToken cancellationToken = default)
    {
        var query = "restype=container&comp=list&include=metadata";
        query += prefix is null ? string.Empty : "&prefix=" + Uri.EscapeDataString(prefix);
        query += marker is null ? string.Empty : "&marker=" + Uri.EscapeDataString(marker);
        query += maxResults is null ? string.Empty : "&maxresults=" + maxResults.Value.ToString(CultureInfo.InvariantCulture);
        ValidateContainer(container);
        using var response = await this.pipeline.SendAsync(
            () => new HttpRequestMessage(HttpMethod.Get, this.ContainerUri(container, query)), cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var root = (await XDocument.LoadAsync(body, LoadOptions.None, cancellationToken)).Root!;
        var blobs = root.Element("Blobs")?.Elements("Blob").Select(b => ParseListed(container, b)).ToList() ?? [];
        var next = root.Element("NextMarker")?.Value;
        return new BlobListPage(blobs, string.IsNullOrEmpty(next) ? null : next);
    }

    /// <summary>Every blob under <paramref name="prefix"/>, following continuation markers page by page.</summary>
    public async IAsyncEnumerable<BlobProperties> ListAllBlobsAsync(
        string container, string? prefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? marker = null;
        do
        {
            var page = await this.ListBlobsAsync(container, prefix, marker, cancellationToken: cancellationToken);
            foreach (var blob in page.Blobs)
            {
                yield return blob;
            }

            marker = page.NextMarker;
        }
        while (marker is not null);
    }

    private static BlobProperties ParseListed(string container, XElement blob)
    {
        var properties = blob.Element("Properties");
        string? Property(string name) => properties?.Element(name)?.Value;
        var metadata = blob.Element("Metadata")?.Elements().ToDictionary(e => e.Name.LocalName, e => e.Value, StringComparer.OrdinalIgnoreCase)
            ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        return new BlobProperties(
            container,
            blob.Element("Name")!.Value,
            long.Parse(Property("Content-Length") ?? "0", CultureInfo.InvariantCulture),
            string.IsNullOrEmpty(Property("Content-Type")) ? ContentTypes.OctetStream : Property("Content-Type")!,
            Property("Etag") ?? string.Empty,
            DateTimeOffset.TryParse(Property("Last-Modified"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var modified)
                ? modified
                : DateTimeOffset.MinValue,
            metadata,
            Property("LeaseState"));
    }
}
