using Microsoft.Extensions.Hosting;

namespace Freight.Core.Persistence;

/// <summary>Applies pending migrations before the host's other services start (<see cref="FreightPersistenceOptions.MigrateOnStart"/>).</summary>
internal sealed class MigrateOnStartService(DatabaseMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
