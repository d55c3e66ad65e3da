using Freight.Core.Persistence;
using Freight.Core.Tests.Databases;
using Xunit.Abstractions;

namespace Freight.Core.Tests.Hosting;

public abstract class DatabaseCommandTests(DatabaseProvider provider, ITestOutputHelper output) : DatabaseTests(provider, output)
{
    [Fact]
    public async Task Db_migrate_lists_then_applies_the_missing_migrations_and_then_has_nothing_to_do()
    {
        await using var db = await OpenEmptyAsync();
        if (db is null)
        {
            return;
        }

        var environment = new Dictionary<string, string> { ["FREIGHT_DATABASE"] = db.ConnectionString, ["FREIGHT_KEY_RING"] = db.KeyRingDirectory };
        var all = await db.Get<DatabaseMigrator>().GetPendingMigrationsAsync();

        var listed = await FreightCli.RunAsync(environment, "db", "migrate", "--dry-run");
        var stillPending = await db.Get<DatabaseMigrator>().GetPendingMigrationsAsync();
        var applied = await FreightCli.RunAsync(environment, "db", "migrate");
        var again = await FreightCli.RunAsync(environment, "db", "migrate");

        Assert.NotEmpty(all);
        Assert.Equal((0, ""), (listed.Code, listed.Error));
        Assert.EndsWith($": would apply {string.Join(", ", all)}.\n", listed.Output, StringComparison.Ordinal);
        Assert.Equal(all, stillPending);
        Assert.Equal((0, ""), (applied.Code, applied.Error));
        Assert.EndsWith($": applied {string.Join(", ", all)}.\n", applied.Output, StringComparison.Ordinal);
        Assert.Empty(await db.Get<DatabaseMigrator>().GetPendingMigrationsAsync());
        Assert.Equal(0, again.Code);
        Assert.EndsWith(": up to date.\n", again.Output, StringComparison.Ordinal);
    }
}

public sealed class DatabaseCommandSqliteTests(ITestOutputHelper output) : DatabaseCommandTests(DatabaseProvider.Sqlite, output);

public sealed class DatabaseCommandPostgresTests(ITestOutputHelper output) : DatabaseCommandTests(DatabaseProvider.PostgreSql, output);

public sealed class FreightCliSettingsTests
{
    [Fact]
    public async Task A_database_that_cannot_be_reached_is_one_line_naming_it_and_exit_code_1()
    {
        var environment = new Dictionary<string, string> { ["FREIGHT_DATABASE"] = "Host=127.0.0.1;Port=1;Database=freight;Username=freight;Password=secret" };

        foreach (var command in new[] { new[] { "db", "migrate" }, new[] { "worker" } })
        {
            var (code, output, error) = await FreightCli.RunAsync(environment, command);

            Assert.Equal((1, ""), (code, output));
            Assert.StartsWith("Cannot use the database (PostgreSQL 127.0.0.1:1/freight as freight): ", error, StringComparison.Ordinal);
            Assert.DoesNotContain("secret", error, StringComparison.Ordinal);
            Assert.DoesNotContain(" at ", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_setting_of_the_wrong_form_is_an_error_naming_it_and_exit_code_1()
    {
        var (code, _, error) = await FreightCli.RunAsync(new Dictionary<string, string> { ["FREIGHT_LEASE_DURATION"] = "soon" }, "worker");

        Assert.Equal(1, code);
        Assert.Equal("Invalid settings: Failed to convert configuration value 'soon' at 'Freight:LeaseDuration' to type 'System.TimeSpan'.\n", error);
    }
}
