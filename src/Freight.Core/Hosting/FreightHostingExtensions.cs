using Freight.Connectors;
using Freight.Connectors.Affinity;
using Freight.Connectors.Attio;
using Freight.Core.Engine;
using Freight.Core.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Freight.Core.Hosting;

public static class FreightHostingExtensions
{
    /// <summary>The connectors Freight ships: the <c>affinity</c> source and the <c>attio</c> target.</summary>
    public static ConnectorRegistry Connectors() => new([AffinitySource.Descriptor, AttioTarget.Descriptor]);

    /// <summary>Adds <see cref="FreightEnvironmentVariables"/> (<c>FREIGHT_DATABASE</c> and the rest) over what is already there.</summary>
    public static IConfigurationBuilder AddFreightEnvironmentVariables(this IConfigurationBuilder configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.Add(new FreightEnvironmentVariables());
    }

    /// <summary>
    /// Freight's database, stores and engine as <paramref name="settings"/> say, with the shipped connectors; with
    /// <paramref name="runWorker"/> the hosted worker that claims and runs jobs.
    /// </summary>
    public static IServiceCollection AddFreight(this IServiceCollection services, FreightSettings settings, bool runWorker)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return services
            .AddFreightPersistence(settings.Database, settings.ConfigurePersistence)
            .AddFreightEngine(Connectors(), settings.ConfigureEngine, runWorker);
    }
}
