using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Freight.Http;

/// <summary>Registers named <see cref="ApiClient"/>s on <c>IHttpClientFactory</c>.</summary>
public static class ApiClientServiceCollectionExtensions
{
    /// <summary>The configuration section under which <c>ApiClients:{name}</c> options are read.</summary>
    public const string ConfigurationSection = "ApiClients";

    /// <summary>
    /// Registers the client <paramref name="name"/>, resolved as a keyed singleton
    /// (<c>[FromKeyedServices("name")] ApiClient</c> or <c>GetRequiredKeyedService&lt;ApiClient&gt;("name")</c>).
    /// Options come from <paramref name="configure"/>, then from the configuration section <c>ApiClients:{name}</c>
    /// when an <see cref="IConfiguration"/> is registered (so <c>appsettings.json</c> and environment variables such as
    /// <c>ApiClients__affinity__Retry__MaxAttempts</c> override code defaults). Options are validated on first use and at
    /// host start.
    /// </summary>
    /// <returns>The HTTP client builder, for further handler configuration.</returns>
    public static IHttpClientBuilder AddApiClient(this IServiceCollection services, string name, Action<ApiClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);

        var options = services.AddOptions<ApiClientOptions>(name);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddSingleton<IConfigureOptions<ApiClientOptions>>(sp => new BindFromConfiguration(name, sp.GetService<IConfiguration>()));
        options.ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiClientOptions>>(new DetailedValidation(name));

        services.AddKeyedSingleton(name, static (sp, key) =>
        {
            var clientName = (string)key!;
            var clientOptions = sp.GetRequiredService<IOptionsMonitor<ApiClientOptions>>().Get(clientName);
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(clientName);
            return new ApiClient(http, clientOptions, sp.GetService<ILoggerFactory>(), clientName);
        });

        // The handler pools connections itself (PooledConnectionLifetime), so the factory need not rotate it.
        return services.AddHttpClient(name)
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var clientOptions = sp.GetRequiredService<IOptionsMonitor<ApiClientOptions>>().Get(name);
                return clientOptions.PrimaryHandlerFactory?.Invoke() ?? clientOptions.Transport.CreateHandler();
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
    }

    private sealed class BindFromConfiguration(string name, IConfiguration? configuration) : IConfigureNamedOptions<ApiClientOptions>
    {
        public void Configure(string? optionsName, ApiClientOptions options)
        {
            if (optionsName == name && configuration is not null)
            {
                configuration.GetSection(ConfigurationSection).GetSection(name).Bind(options);
            }
        }

        public void Configure(ApiClientOptions options) => Configure(Options.DefaultName, options);
    }

    private sealed class DetailedValidation(string name) : IValidateOptions<ApiClientOptions>
    {
        public ValidateOptionsResult Validate(string? optionsName, ApiClientOptions options)
        {
            if (optionsName != name)
            {
                return ValidateOptionsResult.Skip;
            }

            var problems = options.GetValidationErrors().ToList();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems.Select(p => $"ApiClient '{name}': {p}"));
        }
    }
}
