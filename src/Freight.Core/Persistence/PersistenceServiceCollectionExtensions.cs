using Freight.Core.Batches;
using Freight.Core.Idempotency;
using Freight.Core.Jobs;
using Freight.Core.Logs;
using Freight.Core.Persistence.Changes;
using Freight.Core.RecordMaps;
using Freight.Core.Secrets;
using Freight.Core.Tenants;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Freight.Core.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers Freight's database (SQLite or PostgreSQL, chosen by <see cref="FreightDatabase.Parse"/>), the
    /// stores, <see cref="DatabaseMigrator"/> and the <see cref="ISecretProtector"/> for job configs. Uses the
    /// registered <see cref="TimeProvider"/>, or the system clock when there is none.
    /// </summary>
    public static IServiceCollection AddFreightPersistence(
        this IServiceCollection services, string connectionString, Action<FreightPersistenceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var database = FreightDatabase.Parse(connectionString);
        var options = new FreightPersistenceOptions();
        configure?.Invoke(options);
        options.Validate();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(database);
        services.AddSingleton(options);
        services.AddDbContextFactory<FreightDbContext>(builder => UseDatabase(builder, database, options));

        services.AddDataProtection()
            .SetApplicationName("Freight")
            .PersistKeysToFileSystem(new DirectoryInfo(options.KeyRingDirectory));
        services.TryAddSingleton<ISecretProtector, DataProtectionSecretProtector>();

        services.TryAddSingleton<DatabaseMigrator>();
        services.TryAddSingleton<JobStore>();
        services.TryAddSingleton<JobQueue>();
        services.TryAddSingleton<BatchStore>();
        services.TryAddSingleton<JobLogStore>();
        services.TryAddSingleton<RecordMapStore>();
        services.TryAddSingleton<FailedRecordStore>();
        services.TryAddSingleton<IdempotencyStore>();
        services.TryAddSingleton(_ => DatabaseChangeStamp.For(database));
        services.TryAddSingleton(_ => new ApiKeyHasher(ServerSecret.Load(options)));
        services.TryAddSingleton<ApiKeyStore>();
        services.TryAddSingleton<TenantStore>();
        if (options.MigrateOnStart)
        {
            services.AddHostedService<MigrateOnStartService>();
        }

        return services;
    }

    private static void UseDatabase(DbContextOptionsBuilder builder, FreightDatabase database, FreightPersistenceOptions options)
    {
        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(database.ConnectionString).AddInterceptors(new SqlitePragmas(options.SqliteBusyTimeout));
                break;
            case DatabaseProvider.PostgreSql:
                builder.UseNpgsql(database.ConnectionString);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(database), database.Provider, "Unknown database provider.");
        }
    }
}
