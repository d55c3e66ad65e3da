using Freight.Core.Domain;
using Freight.Core.Jobs;
using Freight.Core.Persistence;
using Freight.Core.Tests.Databases;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Freight.Core.Tests.Persistence;

public abstract class StorageTests(DatabaseProvider provider, ITestOutputHelper output) : DatabaseTests(provider, output)
{
    [Fact]
    public async Task Timestamps_round_trip_as_utc_to_the_microsecond()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        db.Time.SetUtcNow(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero).AddTicks(1_234_567));
        var tenant = await db.TenantAsync();
        var revokedElsewhere = new DateTimeOffset(2026, 3, 4, 7, 6, 7, TimeSpan.FromHours(2));
        await using (var context = db.NewContext())
        {
            var key = ApiKey.Create(tenant.Id, "abcdefgh", [1, 2, 3], "ci", db.Time.GetUtcNow());
            key.Revoke(revokedElsewhere);
            context.ApiKeys.Add(key);
            await context.SaveChangesAsync();
        }

        await using var reader = db.NewContext();
        var stored = await reader.ApiKeys.AsNoTracking().SingleAsync(key => key.TenantId == tenant.Id);

        var expected = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero).AddTicks(1_234_560);
        Assert.Equal((expected, TimeSpan.Zero), (stored.CreatedAt, stored.CreatedAt.Offset));
        Assert.Equal((new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero), TimeSpan.Zero), (stored.RevokedAt!.Value, stored.RevokedAt.Value.Offset));
        var asText = db.Provider == DatabaseProvider.Sqlite ? "created_at" : "CAST(created_at AT TIME ZONE 'UTC' AS TEXT)";
        Assert.Equal("2026-03-04 05:06:07.123456", await db.ScalarAsync($"SELECT {asText} FROM api_keys WHERE tenant_id = {Sql.Id(db, tenant.Id)}"));
        Assert.Equal(1, await reader.ApiKeys.CountAsync(key => key.CreatedAt > expected.AddTicks(-10) && key.RevokedAt < expected.AddHours(1)));
    }

    [Fact]
    public async Task Statuses_are_stored_as_snake_case_names()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var job = await db.ClaimedJobAsync("worker-a", [Phase.ListEntries]);
        job.Complete(withErrors: true, db.Time.GetUtcNow());
        await db.Get<JobQueue>().FinishAsync(job, "worker-a");

        Assert.Equal("completed_with_errors", await db.ScalarAsync($"SELECT status FROM jobs WHERE id = {Sql.Id(db, job.Id)}"));
        Assert.Equal(
            ["list_entries", "schema"],
            (await db.RowsAsync($"SELECT phase FROM job_phases WHERE job_id = {Sql.Id(db, job.Id)} ORDER BY phase")).Select(row => (string)row[0]!));
        Assert.Equal("""{"max_attempts":3,"initial_backoff":"00:00:02","max_backoff":"00:01:00"}""", await db.ScalarAsync($"SELECT retry_policy FROM jobs WHERE id = {Sql.Id(db, job.Id)}"));
    }

    [Fact]
    public async Task Tenant_slugs_and_api_key_prefixes_are_unique()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var tenant = await db.TenantAsync("acme");
        await using var context = db.NewContext();
        context.ApiKeys.Add(ApiKey.Create(tenant.Id, "prefix01", [1], "one", db.Time.GetUtcNow()));
        await context.SaveChangesAsync();

        context.ApiKeys.Add(ApiKey.Create(tenant.Id, "prefix01", [2], "two", db.Time.GetUtcNow()));
        var duplicateKey = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        context.ChangeTracker.Clear();
        context.Tenants.Add(Tenant.Create("Acme again", "acme", db.Time.GetUtcNow()));
        var duplicateSlug = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());

        Assert.True(DatabaseErrors.IsUniqueViolation(duplicateKey));
        Assert.True(DatabaseErrors.IsUniqueViolation(duplicateSlug));
    }
}

public sealed class StorageSqliteTests(ITestOutputHelper output) : StorageTests(DatabaseProvider.Sqlite, output)
{
    [Fact]
    public async Task Sqlite_connections_use_wal_a_busy_timeout_and_foreign_keys()
    {
        await using var db = await OpenAsync(options => options.SqliteBusyTimeout = TimeSpan.FromSeconds(7));

        Assert.Equal("wal", await db!.ScalarAsync("PRAGMA journal_mode"));
        Assert.Equal(7000L, await db.ScalarAsync("PRAGMA busy_timeout"));
        Assert.Equal(1L, await db.ScalarAsync("PRAGMA foreign_keys"));
    }
}

public sealed class StoragePostgresTests(ITestOutputHelper output) : StorageTests(DatabaseProvider.PostgreSql, output);
