using Freight.Core.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace Freight.Core.Tests.Databases;

internal interface IDatabaseServer
{
    DatabaseProvider Provider { get; }

    /// <summary>Creates a database, empty or already migrated, and returns its connection string.</summary>
    Task<string> CreateDatabaseAsync(bool migrated);

    Task DropDatabaseAsync(string connectionString);
}

/// <summary>
/// SQLite on a real file in a temporary folder. A migrated database starts as a copy of one migrated once per
/// test run, which is faster than migrating each (the migration tests migrate their own).
/// </summary>
internal sealed class SqliteServer : IDatabaseServer
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "freight-core-tests", "sqlite-" + Guid.NewGuid().ToString("N"));
    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);

    private readonly string _directory = Path.Combine(Root, Guid.NewGuid().ToString("N"));

    static SqliteServer() => AppDomain.CurrentDomain.ProcessExit += (_, _) => Cleanup.Quietly(() => Directory.Delete(Root, recursive: true));

    public DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public async Task<string> CreateDatabaseAsync(bool migrated)
    {
        Directory.CreateDirectory(_directory);
        var file = Path.Combine(_directory, "freight.db");
        if (migrated)
        {
            File.Copy(await Template.Value, file);
        }

        return ConnectionString(file);
    }

    public Task DropDatabaseAsync(string connectionString)
    {
        using (var connection = new SqliteConnection(connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    private static string ConnectionString(string file) => new SqliteConnectionStringBuilder { DataSource = file }.ToString();

    private static async Task<string> CreateTemplateAsync()
    {
        var file = Path.Combine(Root, "template.db");
        await Cleanup.MigrateAsync(ConnectionString(file));

        // Closing the last connection checkpoints the write-ahead log into the file, so a copy is complete.
        using (var connection = new SqliteConnection(ConnectionString(file)))
        {
            SqliteConnection.ClearPool(connection);
        }

        return file;
    }
}

/// <summary>
/// A real PostgreSQL server named by <c>FREIGHT_TEST_POSTGRES</c> (a connection string whose user may create
/// databases). Without it the tests pass with a note, except under CI, where its absence fails them. A migrated
/// database is a copy of a template migrated once per test run.
/// </summary>
internal sealed class PostgresServer(string adminConnectionString) : IDatabaseServer
{
    public const string Variable = "FREIGHT_TEST_POSTGRES";

    private static readonly Lazy<Task<string>> Template = new(() => CreateTemplateAsync(Environment.GetEnvironmentVariable(Variable)!));

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

    public async Task<string> CreateDatabaseAsync(bool migrated)
    {
        var name = "freight_test_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(adminConnectionString, migrated ? $"CREATE DATABASE {name} TEMPLATE {await Template.Value}" : $"CREATE DATABASE {name}");
        return new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ToString();
    }

    public Task DropDatabaseAsync(string connectionString) => DropAsync(adminConnectionString, connectionString);

    private static async Task DropAsync(string adminConnectionString, string connectionString)
    {
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await ExecuteAsync(adminConnectionString, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    private static async Task<string> CreateTemplateAsync(string adminConnectionString)
    {
        var name = "freight_template_" + Guid.NewGuid().ToString("N");
        var connectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ToString();
        await ExecuteAsync(adminConnectionString, $"CREATE DATABASE {name}");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Cleanup.Quietly(() => DropAsync(adminConnectionString, connectionString).GetAwaiter().GetResult());
        await Cleanup.MigrateAsync(connectionString);

        // A template must have no open sessions while it is copied; the migration's pooled ones are ended.
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await ExecuteAsync(adminConnectionString, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}' AND pid <> pg_backend_pid()");
        return name;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

internal static class Cleanup
{
    public static async Task MigrateAsync(string connectionString)
    {
        var keys = Path.Combine(Path.GetTempPath(), "freight-core-tests", "keys-" + Guid.NewGuid().ToString("N"));
        await using var services = new ServiceCollection()
            .AddFreightPersistence(connectionString, options => options.KeyRingDirectory = keys)
            .BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
    }

    // Best effort at process exit: a leftover temporary database is harmless.
    public static void Quietly(Action action)
    {
        try
        {
            action();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NpgsqlException)
        {
            Console.Error.WriteLine($"Cleanup skipped: {exception.Message}");
        }
    }
}
