using System.Globalization;
using Freight.Core.Domain;
using Freight.Core.Persistence;
using Freight.Core.RecordMaps;
using Freight.Core.Tests.Databases;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Freight.Core.Tests.RecordMaps;

public abstract class RecordMapStoreTests(DatabaseProvider provider, ITestOutputHelper output) : DatabaseTests(provider, output)
{
    [Fact]
    public async Task Completing_twice_keeps_one_row_per_source_id_with_the_latest_target()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var maps = db.Get<RecordMapStore>();
        var job = await db.JobAsync((await db.TenantAsync()).Id);

        await maps.CompleteAsync(job.Id, Phase.Companies, new Dictionary<string, string> { ["c-1"] = "t-1", ["c-2"] = "t-2" });
        await maps.CompleteAsync(job.Id, Phase.Companies, new Dictionary<string, string> { ["c-1"] = "t-1b" });
        await maps.CompleteAsync(job.Id, Phase.People, new Dictionary<string, string> { ["c-1"] = "person-1" });

        var found = await maps.FindAsync(job.Id, Phase.Companies, ["c-1", "c-2", "c-3"]);
        Assert.Equal(["c-1", "c-2"], found.Keys.Order());
        Assert.Equal(("t-1b", RecordMapState.Done), (found["c-1"].TargetId, found["c-1"].State));
        Assert.Equal(3L, Convert.ToInt64(await db.ScalarAsync("SELECT COUNT(*) FROM record_maps"), CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Intents_stay_pending_until_completed_and_are_listed_for_reconciliation()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var maps = db.Get<RecordMapStore>();
        var job = await db.JobAsync((await db.TenantAsync()).Id);
        await maps.CompleteAsync(job.Id, Phase.Notes, new Dictionary<string, string> { ["n-0"] = "note-0" });

        await maps.RecordIntentsAsync(job.Id, Phase.Notes, ["n-0", "n-1", "n-2"]);
        await maps.CompleteAsync(job.Id, Phase.Notes, new Dictionary<string, string> { ["n-1"] = "note-1" });

        var pending = await maps.ListPendingAsync(job.Id, Phase.Notes, 10);
        Assert.Equal(["n-2"], pending.Select(map => map.SourceId));
        Assert.Null(pending[0].TargetId);
        var found = await maps.FindAsync(job.Id, Phase.Notes, ["n-0", "n-1"]);
        Assert.Equal(("note-0", RecordMapState.Done), (found["n-0"].TargetId, found["n-0"].State));
        Assert.Equal(("note-1", RecordMapState.Done), (found["n-1"].TargetId, found["n-1"].State));
    }

    [Fact]
    public async Task A_second_row_for_the_same_job_entity_and_source_id_is_a_unique_violation()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var job = await db.JobAsync((await db.TenantAsync()).Id);
        await db.Get<RecordMapStore>().CompleteAsync(job.Id, Phase.Deals, new Dictionary<string, string> { ["d-1"] = "deal-1" });
        await using var context = db.NewContext();
        context.RecordMaps.Add(new RecordMap { JobId = job.Id, Entity = Phase.Deals, SourceId = "d-1", TargetId = "deal-2", UpdatedAt = db.Time.GetUtcNow() });

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());

        Assert.True(DatabaseErrors.IsUniqueViolation(error));
    }

    [Fact]
    public async Task Concurrent_writers_of_the_same_ids_leave_one_row_each()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var maps = db.Get<RecordMapStore>();
        var job = await db.JobAsync((await db.TenantAsync()).Id);
        var ids = Enumerable.Range(0, 50).Select(i => $"p-{i}").ToList();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(writer => Task.Run(() =>
            maps.CompleteAsync(job.Id, Phase.People, ids.ToDictionary(id => id, id => $"{id}@{writer}")))));

        var found = await maps.FindAsync(job.Id, Phase.People, ids);
        Assert.Equal(50, found.Count);
        Assert.All(found.Values, map => Assert.StartsWith(map.SourceId + "@", map.TargetId, StringComparison.Ordinal));
        Assert.Equal(50L, Convert.ToInt64(await db.ScalarAsync("SELECT COUNT(*) FROM record_maps"), CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Lookups_and_writes_work_in_bulk_past_one_statement()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var maps = db.Get<RecordMapStore>();
        var job = await db.JobAsync((await db.TenantAsync()).Id);
        var targets = Enumerable.Range(0, 1_200).ToDictionary(i => $"company-{i}", i => $"target-{i}");

        await maps.CompleteAsync(job.Id, Phase.Companies, targets);

        var found = await maps.FindAsync(job.Id, Phase.Companies, [.. targets.Keys, "company-unknown"]);
        Assert.Equal(1_200, found.Count);
        Assert.Equal("target-1199", found["company-1199"].TargetId);
    }
}

public sealed class RecordMapStoreSqliteTests(ITestOutputHelper output) : RecordMapStoreTests(DatabaseProvider.Sqlite, output);

public sealed class RecordMapStorePostgresTests(ITestOutputHelper output) : RecordMapStoreTests(DatabaseProvider.PostgreSql, output);
