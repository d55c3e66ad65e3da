using Freight.Core.Batches;
using Freight.Core.Idempotency;
using Freight.Core.Jobs;
using Freight.Core.Logs;
using Freight.Core.Persistence;
using Freight.Core.RecordMaps;
using Freight.Core.Secrets;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Freight.Core.Tests.Persistence;

public sealed class RegistrationTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "freight-core-tests", "registration-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task One_call_registers_the_stores_the_migrator_the_protector_and_a_scoped_context()
    {
        await using var services = new ServiceCollection()
            .AddFreightPersistence(Path.Combine(_directory, "freight.db"), options => options.KeyRingDirectory = Path.Combine(_directory, "keys"))
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Type[] singletons =
        [
            typeof(JobQueue), typeof(JobStore), typeof(BatchStore), typeof(FailedRecordStore), typeof(JobLogStore),
            typeof(RecordMapStore), typeof(IdempotencyStore), typeof(DatabaseMigrator), typeof(ISecretProtector),
        ];
        Assert.All(singletons, type => Assert.Same(services.GetRequiredService(type), services.GetRequiredService(type)));
        Assert.Same(TimeProvider.System, services.GetRequiredService<TimeProvider>());
        await using var scope = services.CreateAsyncScope();
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<FreightDbContext>());
        Assert.DoesNotContain(services.GetServices<IHostedService>(), service => service is MigrateOnStartService);
    }

    [Fact]
    public async Task With_migrate_on_start_the_host_migrates_a_new_database_before_it_starts()
    {
        var file = Path.Combine(_directory, "nested", "freight.db");
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddFreightPersistence(file, options =>
        {
            options.MigrateOnStart = true;
            options.KeyRingDirectory = Path.Combine(_directory, "keys");
        });
        using var host = builder.Build();

        await host.StartAsync();

        Assert.True(File.Exists(file));
        Assert.Empty(await host.Services.GetRequiredService<DatabaseMigrator>().GetPendingMigrationsAsync());
        await host.StopAsync();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
