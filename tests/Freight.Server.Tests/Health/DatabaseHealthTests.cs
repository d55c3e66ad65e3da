using System.Net;
using Npgsql;
using Xunit.Abstractions;

namespace Freight.Server.Tests.Health;

public sealed class DatabaseHealthTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_sqlite_database_whose_directory_is_removed_is_unhealthy_with_503_and_the_process_still_live()
    {
        var directory = Path.Combine(Path.GetTempPath(), "freight-server-tests", "db-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        await using var server = await ApiServer.StartAsync(new Dictionary<string, string?> { ["Freight:Database"] = Path.Combine(directory, "freight.db") });
        using (var before = await server.Anonymous.GetAsync("/health/ready"))
        {
            await before.JsonAsync(HttpStatusCode.OK);
        }

        Directory.Delete(directory, recursive: true);
        using var database = await server.Anonymous.GetAsync("/health/database");
        using var ready = await server.Anonymous.GetAsync("/health/ready");
        using var all = await server.Anonymous.GetAsync("/health/all");
        using var live = await server.Anonymous.GetAsync("/health/live");

        var databaseBody = await database.JsonAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal(("unhealthy", "The database check failed: SqliteException."), (databaseBody.GetProperty("status").GetString(), databaseBody.GetProperty("message").GetString()));
        Assert.Equal("unhealthy", (await ready.JsonAsync(HttpStatusCode.ServiceUnavailable)).GetProperty("status").GetString());
        var allBody = await all.JsonAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("unhealthy", allBody.GetProperty("status").GetString());
        Assert.Equal(["database", "worker", "queue"], allBody.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal("unhealthy", allBody.GetProperty("components")[0].GetProperty("status").GetString());
        Assert.DoesNotContain(directory, allBody.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task A_postgresql_database_dropped_while_the_server_runs_is_unhealthy_with_503()
    {
        if (Environment.GetEnvironmentVariable("FREIGHT_TEST_POSTGRES") is not { Length: > 0 } admin)
        {
            Assert.Null(Environment.GetEnvironmentVariable("CI")); // CI must provide PostgreSQL
            output.WriteLine("Not checked on PostgreSQL: FREIGHT_TEST_POSTGRES is not set.");
            return;
        }

        var name = "freight_health_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(admin, $"CREATE DATABASE {name}");
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();
        try
        {
            await using var server = await ApiServer.StartAsync(new Dictionary<string, string?> { ["Freight:Database"] = connectionString });
            using (var before = await server.Anonymous.GetAsync("/health/database"))
            {
                Assert.Equal("PostgreSql answered.", (await before.JsonAsync(HttpStatusCode.OK)).GetProperty("message").GetString());
            }

            await ExecuteAsync(admin, $"DROP DATABASE {name} WITH (FORCE)");
            using var database = await server.Anonymous.GetAsync("/health/database");
            using var ready = await server.Anonymous.GetAsync("/health/ready");

            var body = await database.JsonAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Equal("unhealthy", body.GetProperty("status").GetString());
            Assert.StartsWith("The database check failed: ", body.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Equal("unhealthy", (await ready.JsonAsync(HttpStatusCode.ServiceUnavailable)).GetProperty("status").GetString());
        }
        finally
        {
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
