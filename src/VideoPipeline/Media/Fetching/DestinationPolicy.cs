using System.Net;

namespace VideoPipeline.Media.Fetching;

/// <summary>
/// The addresses outbound requests to user-supplied URLs may connect to. Production has exactly one policy,
/// <see cref="PublicInternetOnly"/>: the only way to allow anything more is <see cref="AllowingTestEndpoints"/>,
/// which is internal to this assembly (visible to the test project only) and has no configuration key, so
/// no setting, environment variable or host code can switch the SSRF guard off.
/// </summary>
public sealed class DestinationPolicy
{
    private readonly HashSet<IPEndPoint> allowedEndpoints;

    private DestinationPolicy(IEnumerable<IPEndPoint> allowedEndpoints) => this.allowedEndpoints = [.. allowedEndpoints];

    public static DestinationPolicy PublicInternetOnly { get; } = new([]);

    /// <summary>Why connecting to <paramref name="address"/>:<paramref name="port"/> is refused; null when allowed.</summary>
    public string? WhyRefused(IPAddress address, int port)
    {
        ArgumentNullException.ThrowIfNull(address);
        var canonical = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return this.allowedEndpoints.Contains(new IPEndPoint(canonical, port)) ? null : AddressRules.WhyBlocked(address);
    }

    /// <summary>
    /// Tests only: also allows these exact endpoints (address and port), typically one loopback test server,
    /// so a redirect to any other port or address on the machine is still refused.
    /// </summary>
    internal static DestinationPolicy AllowingTestEndpoints(params IPEndPoint[] endpoints) => new(endpoints);
}
