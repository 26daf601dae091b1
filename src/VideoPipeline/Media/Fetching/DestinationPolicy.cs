using System.Net;

namespace VideoPipeline.Media.Fetching;

/// <summary>
/// The addresses outbound requests to user-supplied URLs may connect to. Production has exactly one policy,
/// <see cref="PublicInternetOnly"/>: the only ways to allow anything more are internal to this assembly:
/// <see cref="AllowingTestEndpoints"/> (visible to the test project only, no configuration key) and
/// <see cref="AlsoAllowingLoopbackPorts"/>, which the webhook sender alone uses for listed loopback ports in
/// the Development environment. No setting can open private networks, metadata addresses or other hosts.
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

    /// <summary>This policy plus 127.0.0.1 and [::1] on exactly these ports (a developer's local webhook receiver).</summary>
    internal DestinationPolicy AlsoAllowingLoopbackPorts(IEnumerable<int> ports) =>
        new(this.allowedEndpoints.Concat(ports.SelectMany(port => new[] { new IPEndPoint(IPAddress.Loopback, port), new IPEndPoint(IPAddress.IPv6Loopback, port) })));
}
