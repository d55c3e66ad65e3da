using System.Net;
using System.Net.Sockets;
using Freight.Sandbox.Faults;
using Freight.Sandbox.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Freight.Sandbox.Tests.Hosting;

public sealed class SandboxHostTests
{
    [Fact]
    public async Task Host_serves_the_simulators_endpoints_on_loopback_at_the_port_it_reads_back()
    {
        await using var host = await SandboxHost.StartAsync(
            new SandboxHostOptions { FaultResponder = FaultResponders.Affinity },
            services => services.AddSingleton(new Greeting("hello")),
            routes => routes.MapGet("/greeting", (Greeting greeting) => greeting.Text));
        using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };

        var text = await client.GetStringAsync("greeting");

        Assert.Equal("hello", text);
        Assert.Equal("127.0.0.1", host.BaseAddress.Host);
        Assert.NotEqual(0, host.BaseAddress.Port);
        Assert.Equal("/", host.BaseAddress.AbsolutePath);
    }

    [Fact]
    public async Task Host_refuses_an_address_that_is_not_loopback()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => SandboxHost.StartAsync(
            new SandboxHostOptions { Address = IPAddress.Any, FaultResponder = FaultResponders.Affinity }, _ => { }, _ => { }));

        Assert.Equal("Address", error.ParamName);
        Assert.StartsWith("The simulators listen on loopback only, not on 0.0.0.0.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Port_already_taken_fails_the_start_with_an_IOException()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var error = await Assert.ThrowsAnyAsync<IOException>(() => SandboxHost.StartAsync(
            new SandboxHostOptions { Port = port, FaultResponder = FaultResponders.Affinity }, _ => { }, _ => { }));

        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispose_stops_at_once_without_waiting_for_a_request_in_flight()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var host = await SandboxHost.StartAsync(
            new SandboxHostOptions { FaultResponder = FaultResponders.Affinity },
            _ => { },
            routes => routes.MapGet("/hang", async (HttpContext context) =>
            {
                entered.SetResult();
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }));
        using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var hanging = client.GetAsync("hang");
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await host.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        await host.DisposeAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => hanging);
    }

    private sealed record Greeting(string Text);
}
