using Freight.TestUtils;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Freight.Http.Tests.DependencyInjection;

public sealed class ConfigurationBindingTests
{
    private const string CrmSettings = """
        {
          "ApiClients": {
            "crm": {
              "BaseAddress": "https://crm.example/v2/",
              "AttemptTimeout": "00:00:05",
              "TotalTimeout": "00:01:30",
              "StreamIdleTimeout": "00:00:45",
              "ValidateDataAnnotations": false,
              "Retry": { "MaxAttempts": 6, "BaseDelay": "00:00:00.5", "MaxDelay": "00:00:20", "JitterFactor": 0.1, "RetryUnsafeMethods": true },
              "CircuitBreaker": { "Enabled": false, "FailureRatio": 0.25, "MinimumThroughput": 20, "BreakDuration": "00:01:00" },
              "RateLimit": { "PermitLimit": 50, "Period": "00:00:10", "Burst": 5, "Key": "crm-shared" },
              "Transport": { "MaxConnectionsPerServer": 8, "EnableHttp2": false, "PooledConnectionLifetime": "00:02:00" },
              "DefaultHeaders": { "X-Tenant": "acme" }
            }
          }
        }
        """;

    [Fact]
    public void Options_bind_from_an_appsettings_file()
    {
        using var settings = new TempSettingsFile(CrmSettings);
        var configuration = new ConfigurationBuilder().AddJsonFile(settings.FilePath).Build();
        using var provider = Build(configuration, services => services.AddApiClient("crm"));

        var options = provider.GetRequiredService<IOptionsMonitor<ApiClientOptions>>().Get("crm");

        Assert.Equal(new Uri("https://crm.example/v2/"), options.BaseAddress);
        Assert.Equal(TimeSpan.FromSeconds(5), options.AttemptTimeout);
        Assert.Equal(TimeSpan.FromSeconds(90), options.TotalTimeout);
        Assert.Equal(TimeSpan.FromSeconds(45), options.StreamIdleTimeout);
        Assert.False(options.ValidateDataAnnotations);
        Assert.Equal(6, options.Retry.MaxAttempts);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.Retry.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(20), options.Retry.MaxDelay);
        Assert.Equal(0.1, options.Retry.JitterFactor);
        Assert.True(options.Retry.RetryUnsafeMethods);
        Assert.False(options.CircuitBreaker.Enabled);
        Assert.Equal(0.25, options.CircuitBreaker.FailureRatio);
        Assert.Equal(20, options.CircuitBreaker.MinimumThroughput);
        Assert.Equal(TimeSpan.FromMinutes(1), options.CircuitBreaker.BreakDuration);
        Assert.Equal((50, TimeSpan.FromSeconds(10), 5, "crm-shared"), (options.RateLimit.PermitLimit, options.RateLimit.Period, options.RateLimit.Burst, options.RateLimit.Key));
        Assert.Equal(8, options.Transport.MaxConnectionsPerServer);
        Assert.False(options.Transport.EnableHttp2);
        Assert.Equal(TimeSpan.FromMinutes(2), options.Transport.PooledConnectionLifetime);
        Assert.Equal("acme", options.DefaultHeaders["x-tenant"]);
    }

    [Fact]
    public void Environment_variables_override_the_settings_file()
    {
        var prefix = $"FREIGHT_TEST_{Guid.NewGuid():N}_";
        var maxAttempts = prefix + "ApiClients__crm__Retry__MaxAttempts";
        var attemptTimeout = prefix + "ApiClients__crm__AttemptTimeout";
        Environment.SetEnvironmentVariable(maxAttempts, "7");
        Environment.SetEnvironmentVariable(attemptTimeout, "00:00:09");
        try
        {
            using var settings = new TempSettingsFile(CrmSettings);
            var configuration = new ConfigurationBuilder().AddJsonFile(settings.FilePath).AddEnvironmentVariables(prefix).Build();
            using var provider = Build(configuration, services => services.AddApiClient("crm"));

            var options = provider.GetRequiredService<IOptionsMonitor<ApiClientOptions>>().Get("crm");

            Assert.Equal(7, options.Retry.MaxAttempts);
            Assert.Equal(TimeSpan.FromSeconds(9), options.AttemptTimeout);
            Assert.Equal(TimeSpan.FromSeconds(90), options.TotalTimeout);
            Assert.Equal(TimeSpan.FromMilliseconds(500), options.Retry.BaseDelay);
        }
        finally
        {
            Environment.SetEnvironmentVariable(maxAttempts, null);
            Environment.SetEnvironmentVariable(attemptTimeout, null);
        }
    }

    [Fact]
    public void Configuration_overrides_the_code_delegate_and_keeps_what_it_does_not_name()
    {
        using var settings = new TempSettingsFile(CrmSettings);
        var configuration = new ConfigurationBuilder().AddJsonFile(settings.FilePath).Build();
        var time = new ManualTimeProvider();
        using var provider = Build(configuration, services => services.AddApiClient("crm", o =>
        {
            o.Retry.MaxAttempts = 2;
            o.Retry.Randomizer = () => 0.5;
            o.TimeProvider = time;
            o.DefaultHeaders["X-From-Code"] = "yes";
        }));

        var options = provider.GetRequiredService<IOptionsMonitor<ApiClientOptions>>().Get("crm");

        Assert.Equal(6, options.Retry.MaxAttempts);
        Assert.NotNull(options.Retry.Randomizer);
        Assert.Same(time, options.TimeProvider);
        Assert.Equal("yes", options.DefaultHeaders["X-From-Code"]);
        Assert.Equal("acme", options.DefaultHeaders["X-Tenant"]);
    }

    [Fact]
    public void Status_codes_and_reset_headers_from_configuration_replace_the_defaults()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
        [
            new("ApiClients:crm:Retry:RetryOnStatusCodes:0", "503"),
            new("ApiClients:crm:Retry:RateLimitResetHeaders:0", "X-Ratelimit-Limit-User-Reset"),
        ]).Build();
        using var provider = Build(configuration, services => services.AddApiClient("crm"));

        var options = provider.GetRequiredService<IOptionsMonitor<ApiClientOptions>>().Get("crm");

        Assert.Equal([503], options.Retry.RetryOnStatusCodes!);
        Assert.Equal(["X-Ratelimit-Limit-User-Reset"], options.Retry.RateLimitResetHeaders!);
    }

    [Fact]
    public void Section_of_another_client_is_not_applied()
    {
        using var settings = new TempSettingsFile(CrmSettings);
        var configuration = new ConfigurationBuilder().AddJsonFile(settings.FilePath).Build();
        using var provider = Build(configuration, services =>
        {
            services.AddApiClient("crm");
            services.AddApiClient("billing", o => o.BaseAddress = new Uri("https://billing.example/"));
        });

        var monitor = provider.GetRequiredService<IOptionsMonitor<ApiClientOptions>>();

        Assert.Equal(6, monitor.Get("crm").Retry.MaxAttempts);
        Assert.Equal(4, monitor.Get("billing").Retry.MaxAttempts);
        Assert.Equal(new Uri("https://billing.example/"), monitor.Get("billing").BaseAddress);
        Assert.Equal(TimeSpan.FromSeconds(30), monitor.Get("billing").AttemptTimeout);
    }

    private static ServiceProvider Build(IConfiguration configuration, Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        register(services);
        return services.BuildServiceProvider();
    }
}
