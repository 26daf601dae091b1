using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace VideoPipeline.Storage.Azure;

/// <summary>
/// The Blob service over REST (api-contracts §7): containers, block blob upload and download,
/// properties and metadata, listing, conditional writes, leases and read-only service SAS.
/// Split by concern across the <c>BlobServiceClient.*.cs</c> files.
/// </summary>
public sealed partial class BlobServiceClient
{
    private readonly StorageHttpPipeline pipeline;
    private readonly StorageConnectionString connection;
    private readonly StorageOptions options;

    internal BlobServiceClient(StorageHttpPipeline pipeline, StorageConnectionString connection, StorageOptions options)
    {
        this.pipeline = pipeline;
        this.connection = connection;
        this.options = options;
    }

    public Uri Endpoint => this.connection.BlobEndpoint;

    /// <summary>Creates the container if it is missing; true when this call created it.</summary>
    public async Task<bool> CreateContainerAsync(string container, CancellationToken cancellationToken = default)
    {
        ValidateContainer(container);
        try
        {
            using var response = await this.pipeline.SendAsync(
                () => new HttpRequestMessage(HttpMethod.Put, this.ContainerUri(container, "restype=container")), cancellationToken);
            return true;
        }
        catch (StorageRequestException e) when (e.Is(StorageErrorCodes.ContainerAlreadyExists))
        {
            return false;
        }
    }

    /// <summary>Deletes the container and everything in it; false when it did not exist.</summary>
    public async Task<bool> DeleteContainerAsync(string container, CancellationToken cancellationToken = default)
    {
        ValidateContainer(container);
        try
        {
            using var response = await this.pipeline.SendAsync(
                () => new HttpRequestMessage(HttpMethod.Delete, this.ContainerUri(container, "restype=container")), cancellationToken);
            return true;
        }
        catch (StorageRequestException e) when (e.IsNotFound)
        {
            return false;
        }
    }

    /// <summary>A cheap authorized request (list one container) proving the service answers and accepts our credentials.</summary>
    public async Task PingAsync(CancellationToken cancellationToken = default)
    {
        using var response = await this.pipeline.SendAsync(
            () => new HttpRequestMessage(HttpMethod.Get, new Uri(this.Endpoint + "/?comp=list&maxresults=1")),
            cancellationToken,
            maxRetries: 0);
    }

    /// <summary>The blob's properties and metadata; null when the blob or its container does not exist.</summary>
    public async Task<BlobProperties?> GetPropertiesAsync(
        string container, string name, BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await this.pipeline.SendAsync(
                () =>
                {
                    var request = new HttpRequestMessage(HttpMethod.Head, this.BlobUri(container, name));
                    conditions?.Apply(request);
                    return request;
                },
                cancellationToken);
            return ReadProperties(container, name, response);
        }
        catch (StorageRequestException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    /// <summary>Replaces the blob's metadata; returns its new ETag.</summary>
    public async Task<string> SetMetadataAsync(
        string container,
        string name,
        IReadOnlyDictionary<string, string> metadata,
        BlobRequestConditions? conditions = null,
        CancellationToken cancellationToken = default)
    {
        ValidateMetadata(metadata);
        using var response = await this.pipeline.SendAsync(
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Put, this.BlobUri(container, name, "comp=metadata"));
                AddMetadata(request, metadata);
                conditions?.Apply(request);
                return request;
            },
            cancellationToken);
        return ETagOf(response);
    }

    /// <summary>Deletes the blob; false when it did not exist. A leased blob needs its lease id in <paramref name="conditions"/>.</summary>
    public async Task<bool> DeleteAsync(
        string container, string name, BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await this.pipeline.SendAsync(
                () =>
                {
                    var request = new HttpRequestMessage(HttpMethod.Delete, this.BlobUri(container, name));
                    conditions?.Apply(request);
                    return request;
                },
                cancellationToken);
            return true;
        }
        catch (StorageRequestException e) when (e.Status == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    internal Uri ContainerUri(string container, string query) => new($"{this.Endpoint}/{container}?{query}");

    internal Uri BlobUri(string container, string name, string? query = null)
    {
        ValidateContainer(container);
        ValidateName(name);
        var path = string.Join('/', name.Split('/').Select(Uri.EscapeDataString));
        return new Uri($"{this.Endpoint}/{container}/{path}{(query is null ? string.Empty : "?" + query)}");
    }

    internal static BlobProperties ReadProperties(string container, string name, HttpResponseMessage response, long? length = null)
    {
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers.Where(h => h.Key.StartsWith("x-ms-meta-", StringComparison.OrdinalIgnoreCase)))
        {
            metadata[header.Key["x-ms-meta-".Length..]] = string.Join(",", header.Value);
        }

        var content = response.Content.Headers;
        return new BlobProperties(
            container,
            name,
            length ?? content.ContentLength ?? 0,
            content.ContentType?.ToString() ?? ContentTypes.OctetStream,
            ETagOf(response),
            content.LastModified ?? DateTimeOffset.MinValue,
            metadata,
            response.Headers.TryGetValues("x-ms-lease-state", out var lease) ? lease.First() : null);
    }

    internal static string ETagOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("ETag", out var etag) ? etag.First() : string.Empty;

    internal static void AddMetadata(HttpRequestMessage request, IReadOnlyDictionary<string, string>? metadata)
    {
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation("x-ms-meta-" + key, value);
        }
    }

    internal static void ValidateMetadata(IReadOnlyDictionary<string, string>? metadata)
    {
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
        {
            if (!MetadataName().IsMatch(key))
            {
                throw new ArgumentException($"Blob metadata name '{key}' must be a C# identifier (letters, digits, underscore)", nameof(metadata));
            }

            if (value.Any(c => c is < ' ' or > '~') || value != value.Trim())
            {
                throw new ArgumentException($"Blob metadata '{key}' must be printable ASCII without surrounding spaces", nameof(metadata));
            }
        }
    }

    internal static void ValidateContainer(string container)
    {
        if (!ContainerName().IsMatch(container) || container.Contains("--", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"'{container}' is not a valid container name: 3-63 lowercase letters, digits and single hyphens, starting with a letter or digit",
                nameof(container));
        }
    }

    private static void ValidateName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 1024)
        {
            throw new ArgumentException("A blob name must have 1 to 1024 characters", nameof(name));
        }
    }

    private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex ContainerName();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex MetadataName();
}
