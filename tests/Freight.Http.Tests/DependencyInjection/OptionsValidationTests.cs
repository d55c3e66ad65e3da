using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Freight.Http.Tests.DependencyInjection;

public sealed class OptionsValidationTests
{
    private const string Problem = "ApiClient 'crm': AttemptTimeout must not be longer than TotalTimeout.";

    [Fact]
    public void Resolving_the_client_with_an_attempt_timeout_longer_than_the_total_fails_naming_the_client()
    {
        using var provider = BuildWithInvalidCrm();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredKeyedService<ApiClient>("crm"));

        Assert.Equal("crm", exception.OptionsName);
        Assert.Equal([Problem], exception.Failures);
        Assert.Contains(Problem, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolving_the_options_fails_the_same_way()
    {
        using var provider = BuildWithInvalidCrm();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<ApiClientOptions>>().Get("crm"));

        Assert.Equal("crm", exception.OptionsName);
        Assert.Equal([Problem], exception.Failures);
    }

    [Fact]
    public void Startup_validation_reports_the_invalid_client()
    {
        using var provider = BuildWithInvalidCrm();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(Problem, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_client_does_not_affect_a_valid_one()
    {
        using var provider = BuildWithInvalidCrm();

        var billing = provider.GetRequiredKeyedService<ApiClient>("billing");

        Assert.Equal("billing", billing.Name);
    }

    [Fact]
    public void Every_problem_is_listed()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ApiClients:crm:Retry:MaxAttempts"] = "0",
            ["ApiClients:crm:CircuitBreaker:MinimumThroughput"] = "1",
            ["ApiClients:crm:RateLimit:PermitLimit"] = "-5",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddApiClient("crm");
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredKeyedService<ApiClient>("crm"));

        Assert.Equal(
            [
                "ApiClient 'crm': Retry.MaxAttempts must be at least 1.",
                "ApiClient 'crm': CircuitBreaker.MinimumThroughput must be at least 2.",
                "ApiClient 'crm': RateLimit.PermitLimit must not be negative.",
            ],
            exception.Failures);
    }

    private static ServiceProvider BuildWithInvalidCrm()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ApiClients:crm:BaseAddress"] = "https://crm.example/",
            ["ApiClients:crm:AttemptTimeout"] = "00:05:00",
            ["ApiClients:crm:TotalTimeout"] = "00:01:00",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddApiClient("crm");
        services.AddApiClient("billing", o => o.BaseAddress = new Uri("https://billing.example/"));
        return services.BuildServiceProvider();
    }
}
