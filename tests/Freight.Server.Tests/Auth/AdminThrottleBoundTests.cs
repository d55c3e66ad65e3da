using System.Net;
using Freight.Server.Auth;
using Freight.TestUtils;

namespace Freight.Server.Tests.Auth;

/// <summary>The throttle's addresses: how they are grouped, and the bound on how many are kept.</summary>
public sealed class AdminThrottleBoundTests
{
    [Fact]
    public void At_most_the_bound_of_addresses_is_kept_and_the_least_recent_goes_first()
    {
        var time = new ManualTimeProvider();
        var throttle = new AdminThrottle(time, maxAddresses: 3);
        var busy = IPAddress.Parse("10.0.0.1");
        Block(throttle, busy);

        for (var i = 2; i <= 50; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
            throttle.Fail(IPAddress.Parse($"10.0.0.{i}"));
            Assert.InRange(throttle.TrackedAddresses, 1, 3);
        }

        // The blocked address failed least recently: making room dropped it, as it would a stale one.
        Assert.Null(throttle.Refusal(busy));
        Assert.Equal(3, throttle.TrackedAddresses);
    }

    [Fact]
    public void Addresses_whose_attempts_are_a_window_old_make_room_before_any_other()
    {
        var time = new ManualTimeProvider();
        var throttle = new AdminThrottle(time, maxAddresses: 2);
        throttle.Fail(IPAddress.Parse("10.0.0.1"));
        time.Advance(AdminThrottle.Window);
        var blocked = IPAddress.Parse("10.0.0.2");
        Block(throttle, blocked);

        throttle.Fail(IPAddress.Parse("10.0.0.3"));

        Assert.Equal(2, throttle.TrackedAddresses);
        Assert.Equal(AdminThrottle.Window, throttle.Refusal(blocked));
    }

    [Fact]
    public void An_ipv6_host_counts_by_its_64_prefix_and_an_ipv4_mapped_address_as_ipv4()
    {
        var throttle = new AdminThrottle(new ManualTimeProvider());
        Block(throttle, IPAddress.Parse("2001:db8:1:2::1"));
        Block(throttle, IPAddress.Parse("192.0.2.7"));

        Assert.NotNull(throttle.Refusal(IPAddress.Parse("2001:db8:1:2:ffff::9")));
        Assert.Null(throttle.Refusal(IPAddress.Parse("2001:db8:1:3::1")));
        Assert.NotNull(throttle.Refusal(IPAddress.Parse("::ffff:192.0.2.7")));
        Assert.Equal(2, throttle.TrackedAddresses);
    }

    private static void Block(AdminThrottle throttle, IPAddress address)
    {
        for (var i = 0; i < AdminThrottle.FailuresAllowed; i++)
        {
            Assert.Null(throttle.Refusal(address));
            throttle.Fail(address);
        }

        Assert.NotNull(throttle.Refusal(address));
    }
}
