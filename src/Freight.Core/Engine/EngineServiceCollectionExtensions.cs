using Freight.Connectors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Freight.Core.Engine;

public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// The engine on top of <c>AddFreightPersistence</c>: the job runner with <paramref name="connectors"/>, and
    /// with <paramref name="runWorker"/> the hosted worker that claims and runs jobs.
    /// </summary>
    public static IServiceCollection AddFreightEngine(
        this IServiceCollection services, ConnectorRegistry connectors, Action<EngineOptions>? configure = null, bool runWorker = true)
    {
        ArgumentNullException.ThrowIfNull(connectors);
        var options = new EngineOptions();
        configure?.Invoke(options);
        options.Validate();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(connectors);
        services.AddLogging();
        services.TryAddSingleton<JobRunner>();
        if (runWorker)
        {
            services.AddHostedService<Worker>();
        }

        return services;
    }
}
