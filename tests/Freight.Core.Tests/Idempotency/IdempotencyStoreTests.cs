using Freight.Core.Domain;
using Freight.Core.Idempotency;
using Freight.Core.Persistence;
using Freight.Core.Tests.Databases;
using Xunit.Abstractions;

namespace Freight.Core.Tests.Idempotency;

public abstract class IdempotencyStoreTests(DatabaseProvider provider, ITestOutputHelper output) : DatabaseTests(provider, output)
{
    [Fact]
    public async Task The_first_request_owns_the_key_and_a_replay_gets_its_stored_answer()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var store = db.Get<IdempotencyStore>();
        var tenant = await db.TenantAsync();

        Assert.Null(await store.BeginAsync(tenant.Id, "create-job-1", "hash-a"));
        var inProgress = await store.BeginAsync(tenant.Id, "create-job-1", "hash-a");
        await store.CompleteAsync(tenant.Id, "create-job-1", 201, """{"id":"j1"}""");
        var completed = await store.BeginAsync(tenant.Id, "create-job-1", "hash-b");

        Assert.Equal((false, "hash-a"), (inProgress!.IsCompleted, inProgress.RequestHash));
        Assert.Equal((201, """{"id":"j1"}""", "hash-a"), (completed!.StatusCode!.Value, completed.ResponseBody, completed.RequestHash));
        Assert.Equal(db.Time.GetUtcNow() + IdempotencyStore.Retention, completed.ExpiresAt);
    }

    [Fact]
    public async Task Concurrent_requests_with_one_key_have_exactly_one_owner()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var store = db.Get<IdempotencyStore>();
        var tenant = await db.TenantAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => store.BeginAsync(tenant.Id, "same-key", "hash"))));

        Assert.Single(results, result => result is null);
        Assert.All(results.OfType<IdempotencyRecord>(), record => Assert.Equal("hash", record.RequestHash));
    }

    [Fact]
    public async Task Keys_are_per_tenant_and_can_be_reused_once_expired_or_abandoned()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var store = db.Get<IdempotencyStore>();
        var tenant = await db.TenantAsync();
        var other = await db.TenantAsync();
        Assert.Null(await store.BeginAsync(tenant.Id, "k", "first"));
        Assert.Null(await store.BeginAsync(other.Id, "k", "other tenant"));
        Assert.Null(await store.BeginAsync(tenant.Id, "abandoned", "h"));
        await store.AbandonAsync(tenant.Id, "abandoned");

        Assert.Null(await store.BeginAsync(tenant.Id, "abandoned", "h"));
        db.Time.Advance(IdempotencyStore.Retention - TimeSpan.FromSeconds(1));
        Assert.Equal("first", (await store.BeginAsync(tenant.Id, "k", "second"))!.RequestHash);
        db.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await store.BeginAsync(tenant.Id, "k", "second"));
        Assert.Equal(2, await store.DeleteExpiredAsync()); // the other tenant's "k" and "abandoned"
    }

    [Fact]
    public async Task A_key_longer_than_255_characters_is_refused()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var store = db.Get<IdempotencyStore>();
        var tenant = await db.TenantAsync();

        Assert.Null(await store.BeginAsync(tenant.Id, new string('k', 255), "h"));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.BeginAsync(tenant.Id, new string('k', 256), "h"));
    }
}

public sealed class IdempotencyStoreSqliteTests(ITestOutputHelper output) : IdempotencyStoreTests(DatabaseProvider.Sqlite, output);

public sealed class IdempotencyStorePostgresTests(ITestOutputHelper output) : IdempotencyStoreTests(DatabaseProvider.PostgreSql, output);
