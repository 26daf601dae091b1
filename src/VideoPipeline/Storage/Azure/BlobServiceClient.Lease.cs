using System.Globalization;

namespace VideoPipeline.Storage.Azure;

public sealed partial class BlobServiceClient
{
    /// <summary>
    /// Acquires a write lease: 15-60 s, or infinite when <paramref name="duration"/> is null. Returns the lease id.
    /// </summary>
    /// <exception cref="StorageRequestException">409 LeaseAlreadyPresent when someone else holds it.</exception>
    public async Task<string> AcquireLeaseAsync(
        string container, string name, TimeSpan? duration = null, string? proposedLeaseId = null, CancellationToken cancellationToken = default)
    {
        var seconds = duration is { } d ? (int)d.TotalSeconds : -1;
        if (seconds != -1 && seconds is < 15 or > 60)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), "A lease lasts 15 to 60 seconds, or is infinite (null)");
        }

        using var response = await this.LeaseAsync(container, name, "acquire", null, cancellationToken, request =>
        {
            request.Headers.TryAddWithoutValidation("x-ms-lease-duration", seconds.ToString(CultureInfo.InvariantCulture));
            if (proposedLeaseId is not null)
            {
                request.Headers.TryAddWithoutValidation("x-ms-proposed-lease-id", proposedLeaseId);
            }
        });
        return response.Headers.GetValues("x-ms-lease-id").First();
    }

    public async Task RenewLeaseAsync(string container, string name, string leaseId, CancellationToken cancellationToken = default)
    {
        using var response = await this.LeaseAsync(container, name, "renew", leaseId, cancellationToken);
    }

    public async Task ReleaseLeaseAsync(string container, string name, string leaseId, CancellationToken cancellationToken = default)
    {
        using var response = await this.LeaseAsync(container, name, "release", leaseId, cancellationToken);
    }

    /// <summary>Ends whatever lease is held, immediately when <paramref name="breakPeriod"/> is zero or null.</summary>
    public async Task BreakLeaseAsync(string container, string name, TimeSpan? breakPeriod = null, CancellationToken cancellationToken = default)
    {
        var seconds = (int)(breakPeriod ?? TimeSpan.Zero).TotalSeconds;
        using var response = await this.LeaseAsync(container, name, "break", null, cancellationToken, request =>
            request.Headers.TryAddWithoutValidation("x-ms-lease-break-period", seconds.ToString(CultureInfo.InvariantCulture)));
    }

    private Task<HttpResponseMessage> LeaseAsync(
        string container, string name, string action, string? leaseId, CancellationToken cancellationToken, Action<HttpRequestMessage>? configure = null) =>
        this.pipeline.SendAsync(
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Put, this.BlobUri(container, name, "comp=lease"));
                request.Headers.TryAddWithoutValidation("x-ms-lease-action", action);
                if (leaseId is not null)
                {
                    request.Headers.TryAddWithoutValidation("x-ms-lease-id", leaseId);
                }

                configure?.Invoke(request);
                return request;
            },
            cancellationToken);
}
