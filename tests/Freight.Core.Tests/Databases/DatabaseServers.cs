using Freight.Core.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;
using Xunit.Abstractions;

namespace Freight.Core.Tests.Databases;

internal interface IDatabaseServer
{
    DatabaseProvider Provider { get; }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    Task<string> CreateDatabaseAsync();

    Task DropDatabaseAsync(string connectionString);
}

/// <summary>SQLite on a real file in a temporary folder.</summary>
internal sealed class SqliteServer : IDatabaseServer
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "freight-core-tests", "sqlite-" + Guid.NewGuid().ToString("N"));

    public DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public Task<string> CreateDatabaseAsync() =>
        Task.FromResult(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory, "freight.db") }.ToString());

    public Task DropDatabaseAsync(string connectionString)
    {
        using (var connection = new SqliteConnection(connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// A real PostgreSQL server named by <c>FREIGHT_TEST_POSTGRES</c> (a connection string whose user may create
/// databases). Without it the tests pass with a note, except under CI, where its absence fails them.
/// </summary>
internal sealed class PostgresServer(string adminConnectionString) : IDatabaseServer
{
    public const string Variable = "FREIGHT_TEST_POSTGRES";

    public DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public static PostgresServer? FromEnvironment(ITestOutputHelper output)
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } connectionString)
        {
            return new PostgresServer(connectionString);
        }

        Assert.Null(Environment.GetEnvironmentVariable("CI")); // CI must provide PostgreSQL
        output.WriteLine($"Not checked on PostgreSQL: {Variable} is not set.");
        return null;
    }

    public async Task<string> CreateDatabaseAsync()
    {
        var name = "freight_test_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync($"CREATE DATABASE {name}");
        return new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ToString();
    }

    public async Task DropDatabaseAsync(string connectionString)
    {
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await ExecuteAsync($"DROP DATABASE IF EXISTS {new NpgsqlConnectionStringBuilder(connectionString).Database} WITH (FORCE)");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
