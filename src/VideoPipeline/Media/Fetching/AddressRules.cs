using System.Net;
using System.Net.Sockets;

namespace VideoPipeline.Media.Fetching;

/// <summary>
/// Which IP addresses a user-supplied URL may reach: public unicast only. Every special-purpose range of
/// IANA's registries that leads into our own network (loopback, private, link-local with the cloud metadata
/// endpoint, CGNAT, multicast, unspecified, documentation and benchmarking) is refused, in IPv4 and IPv6, and
/// IPv6 forms that embed an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by that address.
/// </summary>
public static class AddressRules
{
    private static readonly Cidr[] V4 =
    [
        new("0.0.0.0", 8, "an unspecified ('this network') address"),
        new("10.0.0.0", 8, "a private address"),
        new("100.64.0.0", 10, "a carrier-grade NAT address"),
        new("127.0.0.0", 8, "a loopback address"),
        new("169.254.0.0", 16, "a link-local address (cloud metadata lives here)"),
        new("172.16.0.0", 12, "a private address"),
        new("192.0.0.0", 24, "an IETF protocol assignment"),
        new("192.0.2.0", 24, "a documentation address"),
        new("192.88.99.0", 24, "a 6to4 relay anycast address"),
        new("192.168.0.0", 16, "a private address"),
        new("198.18.0.0", 15, "a benchmarking address"),
        new("198.51.100.0", 24, "a documentation address"),
        new("203.0.113.0", 24, "a documentation address"),
        new("224.0.0.0", 4, "a multicast address"),
        new("240.0.0.0", 4, "a reserved or broadcast address"),
    ];

    private static readonly Cidr[] V6 =
    [
        new("::", 128, "an unspecified address"),
        new("::1", 128, "a loopback address"),
        new("64:ff9b:1::", 48, "a local-use NAT64 address"),
        new("100::", 64, "a discard-only address"),
        new("2001::", 32, "a Teredo address"),
        new("2001:2::", 48, "a benchmarking address"),
        new("2001:db8::", 32, "a documentation address"),
        new("3fff::", 20, "a documentation address"),
        new("fc00::", 7, "a unique-local (private) address"),
        new("fe80::", 10, "a link-local address"),
        new("fec0::", 10, "a site-local address"),
        new("ff00::", 8, "a multicast address"),
    ];

    private static readonly Cidr Nat64 = new("64:ff9b::", 96, string.Empty);
    private static readonly Cidr SixToFour = new("2002::", 16, string.Empty);
    private static readonly Cidr V4Compatible = new("::", 96, string.Empty);

    /// <summary>Why <paramref name="address"/> must not be reached, e.g. "a loopback address"; null when it is public.</summary>
    public static string? WhyBlocked(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return Match(V4, address.GetAddressBytes());
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return "not an IP address";
        }

        var bytes = address.GetAddressBytes();
        if (Match(V6, bytes) is { } reason)
        {
            return reason;
        }

        // Forms that carry an IPv4 address: the packet ends up at that address, so it decides.
        if (address.IsIPv4MappedToIPv6)
        {
            return Embedded(address.MapToIPv4(), "IPv4-mapped");
        }

        if (V4Compatible.Contains(bytes))
        {
            return Embedded(new IPAddress(bytes.AsSpan(12, 4)), "IPv4-compatible");
        }

        if (Nat64.Contains(bytes))
        {
            return Embedded(new IPAddress(bytes.AsSpan(12, 4)), "NAT64");
        }

        return SixToFour.Contains(bytes) ? Embedded(new IPAddress(bytes.AsSpan(2, 4)), "6to4") : null;
    }

    private static string? Embedded(IPAddress v4, string form) =>
        Match(V4, v4.GetAddressBytes()) is { } reason ? $"{reason} in {form} IPv6 form ({v4})" : null;

    private static string? Match(Cidr[] ranges, byte[] bytes)
    {
        foreach (var range in ranges)
        {
            if (range.Contains(bytes))
            {
                return range.Reason;
            }
        }

        return null;
    }

    private sealed class Cidr(string network, int prefixLength, string reason)
    {
        private readonly byte[] network = IPAddress.Parse(network).GetAddressBytes();

        public string Reason { get; } = reason;

        public bool Contains(byte[] address)
        {
            if (address.Length != this.network.Length)
            {
                return false;
            }

            var whole = prefixLength / 8;
            if (!address.AsSpan(0, whole).SequenceEqual(this.network.AsSpan(0, whole)))
            {
                return false;
            }

            var rest = prefixLength % 8;
            var mask = (byte)(0xFF << (8 - rest));
            return rest == 0 || (address[whole] & mask) == (this.network[whole] & mask);
        }
    }
}
