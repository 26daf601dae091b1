using System.Net;
using VideoPipeline.Media.Fetching;

namespace VideoPipeline.Tests.Media.Fetching;

public sealed class AddressRulesTests
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.255.255.254", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("10.0.0.1", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("fc00::1", "private")]
    [InlineData("fd12:3456::1", "private")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("febf::1", "link-local")]
    [InlineData("100.64.0.1", "carrier-grade NAT")]
    [InlineData("100.127.255.255", "carrier-grade NAT")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("239.255.255.250", "multicast")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("255.255.255.255", "broadcast")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("0.1.2.3", "unspecified")]
    [InlineData("::", "unspecified")]
    [InlineData("192.0.2.10", "documentation")]
    [InlineData("2001:db8::1", "documentation")]
    [InlineData("198.18.0.1", "benchmarking")]
    [InlineData("::ffff:127.0.0.1", "loopback address in IPv4-mapped")]
    [InlineData("::ffff:7f00:1", "loopback address in IPv4-mapped")]
    [InlineData("::ffff:169.254.169.254", "link-local")]
    [InlineData("::ffff:10.1.2.3", "private")]
    [InlineData("::127.0.0.1", "loopback address in IPv4-compatible")]
    [InlineData("::a00:1", "private address in IPv4-compatible")]
    [InlineData("64:ff9b::7f00:1", "loopback address in NAT64")]
    [InlineData("64:ff9b::a9fe:a9fe", "link-local")]
    [InlineData("2002:7f00:1::", "loopback address in 6to4")]
    [InlineData("2002:c0a8:101::1", "private address in 6to4")]
    [InlineData("2001:0:4136:e378::1", "Teredo")]
    public void WhyBlocked_internal_address_names_the_range(string address, string expected)
    {
        var reason = AddressRules.WhyBlocked(IPAddress.Parse(address));

        Assert.NotNull(reason);
        Assert.Contains(expected, reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("169.255.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    [InlineData("2002:808:808::1")]
    public void WhyBlocked_public_address_is_null(string address)
    {
        Assert.Null(AddressRules.WhyBlocked(IPAddress.Parse(address)));
    }

    [Fact]
    public void WhyRefused_test_policy_allows_only_its_exact_endpoint()
    {
        var policy = DestinationPolicy.AllowingTestEndpoints(new IPEndPoint(IPAddress.Loopback, 5000));

        Assert.Null(policy.WhyRefused(IPAddress.Loopback, 5000));
        Assert.Null(policy.WhyRefused(IPAddress.Parse("::ffff:127.0.0.1"), 5000));
        Assert.NotNull(policy.WhyRefused(IPAddress.Loopback, 5001));
        Assert.NotNull(policy.WhyRefused(IPAddress.Parse("127.0.0.2"), 5000));
        Assert.NotNull(policy.WhyRefused(IPAddress.IPv6Loopback, 5000));
        Assert.NotNull(DestinationPolicy.PublicInternetOnly.WhyRefused(IPAddress.Loopback, 5000));
    }
}
