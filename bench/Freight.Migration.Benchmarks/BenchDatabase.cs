using Microsoft.Data.Sqlite;
using Npgsql;

namespace Freight.Migration.Benchmarks;

/// <summary>
/// The engine's database for one run, in a temporary folder beside the key ring: a SQLite file by default, or a fresh
/// PostgreSQL database made on the server a connection string names (dropped afterwards), so no earlier job is claimed.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private BenchDatabase(string directory, string connectionString, string? postgresAdmin, string? postgresName)
    {
        Directory = directory;
        ConnectionString = connectionString;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
    }

    /// <summary>The run's temporary folder: the SQLite file and the Data Protection key ring.</summary>
    public string Directory { get; }

    public string KeyRingDirectory => Path.Combine(Directory, "keys");

    public string ConnectionString { get; }

    public static async Task<BenchDatabase> CreateAsync(string? postgres, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(Path.GetTempPath(), "freight-migration-bench-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(directory);
        if (postgres is null)
        {
            var file = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "freight.db") }.ToString();
            return new BenchDatabase(directory, file, null, null);
        }

        var name = "freight_bench_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(postgres))
        {
            await admin.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var connection = new NpgsqlConnectionStringBuilder(postgres) { Database = name }.ToString();
        return new BenchDatabase(directory, connection, postgres, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(_postgresAdmin);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }

        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
