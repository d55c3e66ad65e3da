using System.Data.Common;
using Freight.Core.Persistence;
using Freight.TestUtils;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Freight.Core.Tests.Databases;

/// <summary>
/// A database of its own for one test, registered through <c>AddFreightPersistence</c> like the real hosts do,
/// on a <see cref="ManualTimeProvider"/>; dropped (PostgreSQL) or deleted (SQLite) on dispose.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly IDatabaseServer _server;
    private readonly string _keyRing;
    private readonly Action<FreightPersistenceOptions>? _configure;

    private TestDatabase(IDatabaseServer server, string connectionString, Action<FreightPersistenceOptions>? configure)
    {
        _server = server;
        _keyRing = Path.Combine(Path.GetTempPath(), "freight-core-tests", "keys-" + Guid.NewGuid().ToString("N"));
        _configure = configure;
        ConnectionString = connectionString;
        Services = AnotherProcess();
    }

    public DatabaseProvider Provider => _server.Provider;

    public string ConnectionString { get; }

    public ManualTimeProvider Time { get; } = new();

    public ServiceProvider Services { get; }

    public string KeyRingDirectory => _keyRing;

    /// <summary>A database on <paramref name="provider"/>, migrated unless told otherwise; null (after a note) when PostgreSQL is not configured.</summary>
    public static async Task<TestDatabase?> CreateAsync(
        DatabaseProvider provider, ITestOutputHelper output, bool migrate = true, Action<FreightPersistenceOptions>? configure = null)
    {
        IDatabaseServer? server = provider == DatabaseProvider.Sqlite ? new SqliteServer() : PostgresServer.FromEnvironment(output);
        if (server is null)
        {
            return null;
        }

        return new TestDatabase(server, await server.CreateDatabaseAsync(migrated: migrate), configure);
    }

    /// <summary>
    /// The services of another process on this database: the same connection string, key ring and clock, but its
    /// own singletons (stores, caches, connections). Dispose it.
    /// </summary>
    public ServiceProvider AnotherProcess() => new ServiceCollection()
        .AddSingleton<TimeProvider>(Time)
        .AddFreightPersistence(ConnectionString, options =>
        {
            options.KeyRingDirectory = _keyRing;
            _configure?.Invoke(options);
        })
        .BuildServiceProvider();

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public FreightDbContext NewContext() => Get<IDbContextFactory<FreightDbContext>>().CreateDbContext();

    /// <summary>Runs raw SQL and returns the first column of the first row, as the driver reads it.</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        await using var context = NewContext();
        var connection = context.Database.GetDbConnection();
        await context.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }

    /// <summary>Runs raw SQL and returns every row as column values.</summary>
    public async Task<List<object?[]>> RowsAsync(string sql)
    {
        await using var context = NewContext();
        var connection = context.Database.GetDbConnection();
        await context.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            rows.Add(Read(reader));
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await _server.DropDatabaseAsync(ConnectionString);
        if (Directory.Exists(_keyRing))
        {
            Directory.Delete(_keyRing, recursive: true);
        }
    }

    private static object?[] Read(DbDataReader reader)
    {
        var values = new object?[reader.FieldCount];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
        }

        return values;
    }
}
