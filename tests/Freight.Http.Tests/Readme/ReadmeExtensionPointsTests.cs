using System.Net;
using System.Text;
using System.Threading.RateLimiting;
using Freight.Http.Testing;
using Freight.TestUtils;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Polly;
using Polly.CircuitBreaker;

namespace Freight.Http.Tests.Readme;

/// <summary>The README's custom limiter, breaker and transport, DI and StubTransport examples.</summary>
public sealed class ReadmeExtensionPointsTests
{
    [Fact]
    public async Task Custom_limiter_breaker_and_transport_are_used()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.DefaultResponse = ScriptedResponse.Status(500);
        var limiterKeys = new List<string>();
        var handlers = 0;
        var options = new ApiClientOptions { BaseAddress = server.BaseAddress, RateLimitRegistry = new RateLimitRegistry() };
        options.Retry.MaxAttempts = 1;
        options.RateLimit.LimiterFactory = key =>
        {
            limiterKeys.Add(key);
            return new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = 4, QueueLimit = 100 });
        };
        options.CircuitBreaker.Factory = key => new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = 1.0,
                MinimumThroughput = 5,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result?.StatusCode >= HttpStatusCode.InternalServerError),
            })
            .Build();
        options.PrimaryHandlerFactory = () =>
        {
            handlers++;
            return new SocketsHttpHandler { MaxConnectionsPerServer = 8 };
        };
        using var client = ApiClient.Create(options);

        var kinds = new List<ApiErrorKind>();
        for (var i = 0; i < 7; i++)
        {
            kinds.Add((await client.SendAsync(ApiRequest.Get("flaky"))).Error!.Kind);
        }

        Assert.Equal([ApiErrorKind.Http, ApiErrorKind.Http, ApiErrorKind.Http, ApiErrorKind.Http, ApiErrorKind.Http, ApiErrorKind.CircuitOpen, ApiErrorKind.CircuitOpen], kinds);
        Assert.Equal(5, server.RequestCount);
        Assert.Equal([server.BaseAddress.Authority], limiterKeys);
        Assert.Equal(1, handlers);
    }

    [Fact]
    public async Task AddApiClient_binds_appsettings_and_environment_over_code()
    {
        await using var server = await ScriptedServer.StartAsync();
        var json = $$"""{ "ApiClients": { "attio": { "TotalTimeout": "00:01:00", "Retry": { "MaxAttempts": 6 }, "RateLimit": { "PermitLimit": 25 } } } }""";
        var configuration = new ConfigurationBuilder()
            .AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json)))
            .AddInMemoryCollection([new("ApiClients:attio:Retry:MaxAttempts", "7")])
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddApiClient("attio", o =>
        {
            o.BaseAddress = server.BaseAddress;
            o.Retry.MaxAttempts = 2;
            o.RateLimitRegistry = new RateLimitRegistry();
        });
        await using var provider = services.BuildServiceProvider();

        var attio = provider.GetRequiredKeyedService<ApiClient>("attio");
        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<ApiClientOptions>>().Get("attio");
        (await attio.SendAsync(ApiRequest.Get("self"))).EnsureSuccess();

        Assert.Equal(7, options.Retry.MaxAttempts);
        Assert.Equal(TimeSpan.FromMinutes(1), options.TotalTimeout);
        Assert.Equal(25, options.RateLimit.PermitLimit);
        Assert.Equal("attio", attio.Name);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task StubTransport_serves_routes_in_order_and_asserts_calls()
    {
        var time = new ManualTimeProvider();
        var stub = new StubTransport();
        stub.On(HttpMethod.Get, "/companies/*").Respond(HttpStatusCode.ServiceUnavailable).RespondJson(new { id = 1, name = "Acme" });
        using var client = ApiClient.Create(new ApiClientOptions
        {
            BaseAddress = new Uri("https://api.example.com/"),
            PrimaryHandlerFactory = () => stub,
            TimeProvider = time,
            RateLimitRegistry = new RateLimitRegistry(),
        });

        var call = client.GetAsync<Company>("companies/1");
        await time.WaitForPendingTimerAsync(due => due < TimeSpan.FromSeconds(1));
        time.Advance(TimeSpan.FromSeconds(1));
        var company = (await call).Unwrap();

        Assert.Equal("Acme", company.Name);
        stub.AssertCalled(HttpMethod.Get, "/companies/*", times: 2);
        var wrong = Assert.Throws<StubAssertionException>(() => stub.AssertCalled(HttpMethod.Get, "/companies/*", times: 3));
        Assert.Contains("Expected 3 call(s) to GET /companies/* but got 2", wrong.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StubTransport_answers_unmatched_requests_with_a_404_naming_them()
    {
        using var client = ApiClient.Create(new ApiClientOptions
        {
            BaseAddress = new Uri("https://api.example.com/"),
            PrimaryHandlerFactory = () => new StubTransport(),
            RateLimitRegistry = new RateLimitRegistry(),
        });

        var result = await client.GetAsync<Company>("nowhere");

        Assert.Equal(HttpStatusCode.NotFound, result.StatusCode);
        Assert.Contains("No stub route matches GET /nowhere", result.Error!.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StubTransport_fault_rate_is_repeatable_for_a_seed()
    {
        static async Task<List<HttpStatusCode>> Run()
        {
            var stub = new StubTransport();
            stub.On(HttpMethod.Get, "/**").Respond(HttpStatusCode.OK).WithFaultRate(0.5, seed: 3);
            using var http = new HttpClient(stub);
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 40; i++)
            {
                using var response = await http.GetAsync(new Uri("https://x.example/a/b"));
                statuses.Add(response.StatusCode);
            }

            return statuses;
        }

        var first = await Run();

        Assert.Equal(first, await Run());
        Assert.InRange(first.Count(s => s == HttpStatusCode.ServiceUnavailable), 10, 30);
    }
}
