using Freight.Core.Domain;
using Freight.Core.Jobs;
using Freight.Core.Logs;
using Freight.Core.Persistence;
using Freight.Core.Tests.Databases;
using Xunit.Abstractions;

namespace Freight.Core.Tests.Logs;

public abstract class JobLogStoreTests(DatabaseProvider provider, ITestOutputHelper output) : DatabaseTests(provider, output)
{
    private const int Cap = 5;

    [Fact]
    public async Task A_job_keeps_its_first_entries_up_to_the_cap_then_one_capped_row()
    {
        await using var db = await OpenAsync(options => options.MaxLogEntriesPerJob = Cap);
        if (db is null)
        {
            return;
        }

        var logs = db.Get<JobLogStore>();
        var tenant = await db.TenantAsync();
        var job = await db.JobAsync(tenant.Id);

        await logs.AppendAsync(job.Id, [Entry("one"), Entry("two"), Entry("three")]);
        await logs.AppendAsync(job.Id, [Entry("four"), Entry("five"), Entry("six")]);
        await logs.AppendAsync(job.Id, Entry("seven"));

        var page = await logs.ListAsync(tenant.Id, job.Id, null, 0, 100);
        Assert.Equal(["one", "two", "three", "four", "Log capped at 5 entries; later entries are dropped."], page.Items.Select(log => log.Message));
        Assert.Equal(JobLogLevel.Warning, page.Items[^1].Level);
        Assert.Equal(7, (await db.Get<JobStore>().FindAsync(tenant.Id, job.Id))!.LogCount);
    }

    [Fact]
    public async Task Concurrent_appenders_never_pass_the_cap()
    {
        await using var db = await OpenAsync(options => options.MaxLogEntriesPerJob = 20);
        if (db is null)
        {
            return;
        }

        var logs = db.Get<JobLogStore>();
        var tenant = await db.TenantAsync();
        var job = await db.JobAsync(tenant.Id);

        await Task.WhenAll(Enumerable.Range(0, 6).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                await logs.AppendAsync(job.Id, [Entry($"{writer}-{i}-a"), Entry($"{writer}-{i}-b")]);
            }
        })));

        var page = await logs.ListAsync(tenant.Id, job.Id, null, 0, 100);
        Assert.Equal(20, page.Total);
        Assert.Single(page.Items, log => log.Message.StartsWith("Log capped", StringComparison.Ordinal));
        Assert.Equal("Log capped at 20 entries; later entries are dropped.", page.Items[^1].Message);
    }

    [Fact]
    public async Task The_log_filters_by_level_pages_in_order_and_is_hidden_from_other_tenants()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var logs = db.Get<JobLogStore>();
        var tenant = await db.TenantAsync();
        var job = await db.JobAsync(tenant.Id);
        var batchId = Guid.NewGuid();
        await logs.AppendAsync(job.Id, [
            Entry("started"),
            new LogEntry(JobLogLevel.Warning, "domain acme.com is on companies 3 and 9", Phase.Companies, batchId),
            Entry("phase done"),
            new LogEntry(JobLogLevel.Warning, "email taken", Phase.People),
        ]);

        var warnings = await logs.ListAsync(tenant.Id, job.Id, JobLogLevel.Warning, 1, 1);
        var first = await logs.ListAsync(tenant.Id, job.Id, JobLogLevel.Warning, 0, 1);
        var stranger = await db.TenantAsync();

        Assert.Equal((2, true), (first.Total, first.HasMore));
        Assert.Equal((Phase.Companies, batchId, db.Time.GetUtcNow()), (first.Items[0].Entity, first.Items[0].BatchId!.Value, first.Items[0].CreatedAt));
        Assert.Equal(["email taken"], warnings.Items.Select(log => log.Message));
        Assert.False(warnings.HasMore);
        Assert.Equal(0, (await logs.ListAsync(stranger.Id, job.Id, null, 0, 10)).Total);
    }

    private static LogEntry Entry(string message) => new(JobLogLevel.Info, message);
}

public sealed class JobLogStoreSqliteTests(ITestOutputHelper output) : JobLogStoreTests(DatabaseProvider.Sqlite, output);

public sealed class JobLogStorePostgresTests(ITestOutputHelper output) : JobLogStoreTests(DatabaseProvider.PostgreSql, output);
