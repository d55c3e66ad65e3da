using System.Net;
using System.Net.Sockets;

namespace Freight.Server.Tests.Auth;

/// <summary>Failed <c>X-Admin-Key</c> attempts are throttled per client address, over real HTTP from loopback addresses.</summary>
public sealed class AdminThrottleTests
{
    // The documented limit: 10 failed attempts per address in any minute.
    private const int AllowedFailures = 10;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Failed_admin_attempts_past_the_limit_are_429_with_retry_after_even_with_the_right_key()
    {
        await using var server = await ApiServer.StartAsync();
        using var wrong = From(server, "127.0.0.1", "wrong");
        using var right = From(server, "127.0.0.1", ApiServer.AdminKey);

        for (var i = 0; i < AllowedFailures; i++)
        {
            using var failed = await wrong.GetAsync("/api/v1/admin/tenants");
            await failed.AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized", "Invalid admin key");
        }

        using var throttled = await wrong.GetAsync("/api/v1/admin/tenants");
        using var rightButBlocked = await right.GetAsync("/api/v1/admin/tenants");

        await throttled.AssertErrorAsync(HttpStatusCode.TooManyRequests, "rate_limited", "Too many failed admin key attempts from this address; retry in 60 s.");
        Assert.Equal("60", throttled.Headers.GetValues("Retry-After").Single());
        await rightButBlocked.AssertErrorAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.Equal("60", rightButBlocked.Headers.GetValues("Retry-After").Single());
    }

    [Fact]
    public async Task The_block_ends_a_minute_after_the_attempts_and_attempts_during_it_keep_counting()
    {
        await using var server = await ApiServer.StartAsync();
        using var wrong = From(server, "127.0.0.1", "wrong");
        using var right = From(server, "127.0.0.1", ApiServer.AdminKey);
        for (var i = 0; i < AllowedFailures; i++)
        {
            (await wrong.GetAsync("/api/v1/admin/tenants")).Dispose();
        }

        // Half a minute on, the first blocked attempt waits for the failures of a minute ago, the tenth for itself.
        server.Time.Advance(Window / 2);
        var waits = new List<string>();
        for (var i = 0; i < AllowedFailures; i++)
        {
            using var blocked = await wrong.GetAsync("/api/v1/admin/tenants");
            Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
            waits.Add(blocked.Headers.GetValues("Retry-After").Single());
        }

        server.Time.Advance(Window / 2);
        using var stillBlocked = await right.GetAsync("/api/v1/admin/tenants");
        server.Time.Advance(Window / 2);
        using var admitted = await right.GetAsync("/api/v1/admin/tenants");

        Assert.Equal([.. Enumerable.Repeat("30", AllowedFailures - 1), "60"], waits);
        await stillBlocked.AssertErrorAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.Equal("30", stillBlocked.Headers.GetValues("Retry-After").Single());
        await admitted.JsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Successes_do_not_count_and_another_address_is_not_blocked()
    {
        await using var server = await ApiServer.StartAsync();
        using var right = From(server, "127.0.0.1", ApiServer.AdminKey);
        using var wrong = From(server, "127.0.0.1", "wrong");
        using var missing = From(server, "127.0.0.1", null);
        using var otherWrong = From(server, "127.0.0.2", "wrong");
        using var otherRight = From(server, "127.0.0.2", ApiServer.AdminKey);

        for (var i = 0; i < 3 * AllowedFailures; i++)
        {
            using var ok = await right.GetAsync("/api/v1/admin/tenants");
            await ok.JsonAsync(HttpStatusCode.OK);
        }

        for (var i = 0; i < AllowedFailures; i++)
        {
            using var failed = await (i % 2 == 0 ? wrong : missing).GetAsync("/api/v1/admin/tenants");
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var blocked = await right.GetAsync("/api/v1/admin/tenants");
        using var otherFailed = await otherWrong.GetAsync("/api/v1/admin/tenants");
        using var otherOk = await otherRight.GetAsync("/api/v1/admin/tenants");

        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        await otherFailed.AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized", "Invalid admin key");
        await otherOk.JsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Tenant_keys_are_not_throttled_by_failed_admin_attempts()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var wrong = From(server, "127.0.0.1", "wrong");
        using var tenant = server.Tenant(key);
        for (var i = 0; i <= AllowedFailures; i++)
        {
            (await wrong.GetAsync("/api/v1/admin/tenants")).Dispose();
        }

        using var jobs = await tenant.GetAsync("/api/v1/jobs");

        await jobs.JsonAsync(HttpStatusCode.OK);
    }

    /// <summary>A client whose connections come from <paramref name="localAddress"/> (any 127.x.x.x is loopback on Linux).</summary>
    private static HttpClient From(ApiServer server, string localAddress, string? adminKey)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        var client = new HttpClient(handler) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (adminKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Admin-Key", adminKey);
        }

        return client;
    }
}
