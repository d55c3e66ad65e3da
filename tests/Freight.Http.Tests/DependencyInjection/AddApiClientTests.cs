using Freight.Http.Tests.Observability;
using Freight.Http.Tests.Transport;
using Freight.TestUtils;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Freight.Http.Tests.DependencyInjection;

public sealed class AddApiClientTests
{
    [Fact]
    public async Task Keyed_client_calls_the_configured_base_address()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Json("""{"id":12}"""));
        var services = new ServiceCollection();
        services.AddApiClient("crm", o => Configure(o, server));
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredKeyedService<ApiClient>("crm");
        var result = await client.GetAsync<Company>("companies/12");

        Assert.Equal(12, result.Value.Id);
        Assert.Equal("crm", client.Name);
        Assert.Equal("/companies/12", Assert.Single(server.Requests).Path);
        Assert.Same(client, provider.GetRequiredKeyedService<ApiClient>("crm"));
    }

    [Fact]
    public async Task Two_named_clients_keep_their_own_options_and_servers()
    {
        await using var crmServer = await ScriptedServer.StartAsync();
        await using var billingServer = await ScriptedServer.StartAsync();
        var services = new ServiceCollection();
        services.AddApiClient("crm", o =>
        {
            Configure(o, crmServer);
            o.DefaultHeaders["X-Client"] = "crm";
        });
        services.AddApiClient("billing", o =>
        {
            Configure(o, billingServer);
            o.Retry.MaxAttempts = 3;
            o.AttemptTimeout = TimeSpan.FromSeconds(7);
            o.DefaultHeaders["X-Client"] = "billing";
        });
        await using var provider = services.BuildServiceProvider();

        var monitor = provider.GetRequiredService<IOptionsMonitor<ApiClientOptions>>();
        var crmOptions = monitor.Get("crm");
        var billingOptions = monitor.Get("billing");
        Assert.NotSame(crmOptions, billingOptions);
        Assert.Equal((1, TimeSpan.FromSeconds(30)), (crmOptions.Retry.MaxAttempts, crmOptions.AttemptTimeout));
        Assert.Equal((3, TimeSpan.FromSeconds(7)), (billingOptions.Retry.MaxAttempts, billingOptions.AttemptTimeout));

        await provider.GetRequiredKeyedService<ApiClient>("crm").SendAsync(ApiRequest.Get("ping"));
        await provider.GetRequiredKeyedService<ApiClient>("billing").SendAsync(ApiRequest.Get("ping"));
        await provider.GetRequiredKeyedService<ApiClient>("billing").SendAsync(ApiRequest.Get("ping"));

        Assert.Equal(["crm"], crmServer.Requests.Select(r => r.Headers["X-Client"]));
        Assert.Equal(["billing", "billing"], billingServer.Requests.Select(r => r.Headers["X-Client"]));
        Assert.NotSame(provider.GetRequiredKeyedService<ApiClient>("crm"), provider.GetRequiredKeyedService<ApiClient>("billing"));
    }

    [Fact]
    public async Task Primary_handler_factory_is_used_under_the_http_client_factory()
    {
        await using var server = await ScriptedServer.StartAsync();
        var handler = new CountingHandler();
        var services = new ServiceCollection();
        services.AddApiClient("crm", o =>
        {
            Configure(o, server);
            o.PrimaryHandlerFactory = () => handler;
        });
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredKeyedService<ApiClient>("crm");
        await client.SendAsync(ApiRequest.Get("a"));
        await client.SendAsync(ApiRequest.Get("b"));

        Assert.Equal(2, handler.Requests);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Client_logs_through_the_registered_logger_factory()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Status(500));
        var logs = new RecordingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.AddProvider(logs));
        services.AddApiClient("crm", o => Configure(o, server));
        await using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredKeyedService<ApiClient>("crm").SendAsync(ApiRequest.Get("companies"));

        Assert.False(result.IsSuccess);
        var error = Assert.Single(logs.Entries, entry => entry.Level == LogLevel.Error);
        Assert.Equal("Freight.Http.ApiClient", error.Category);
        Assert.StartsWith("GET /companies failed after 1 attempt(s)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registration_requires_a_name()
    {
        var services = new ServiceCollection();

        Assert.Throws<ArgumentException>(() => services.AddApiClient(string.Empty));
    }

    private static void Configure(ApiClientOptions options, ScriptedServer server)
    {
        options.BaseAddress = server.BaseAddress;
        options.TimeProvider = new ManualTimeProvider();
        options.RateLimitRegistry = new RateLimitRegistry();
        options.Retry.MaxAttempts = 1;
    }

    private sealed record Company(int Id);
}
