using Freight.Core.Persistence;
using Freight.Core.Persistence.Changes;
using Freight.Core.Tenants;
using Freight.Core.Tests.Databases;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Freight.Core.Tests.Persistence;

public abstract class ChangeStampTests(DatabaseProvider provider, ITestOutputHelper output) : DatabaseTests(provider, output)
{
    [Fact]
    public async Task The_stamp_holds_while_nothing_commits_and_moves_when_any_process_commits()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var stamp = db.Get<DatabaseChangeStamp>();
        var before = await stamp.ReadAsync();
        await db.ScalarAsync("SELECT COUNT(*) FROM tenants");
        var afterARead = await stamp.ReadAsync();
        await using (var other = db.AnotherProcess())
        {
            await other.GetRequiredService<TenantStore>().CreateAsync("Acme", "acme");
        }

        var afterACommit = await stamp.ReadAsync();
        await db.Get<TenantStore>().CreateAsync("Globex", "globex");

        if (Provider == DatabaseProvider.Sqlite)
        {
            // PostgreSQL's stamp also moves for other databases' commits on the same server (other tests).
            Assert.Equal(before, afterARead);
        }

        Assert.NotEqual(afterARead, afterACommit);
        Assert.NotEqual(afterACommit, await stamp.ReadAsync());
    }

    [Fact]
    public async Task A_key_revoked_by_another_process_is_refused_at_the_next_check_of_this_one()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var keys = db.Get<ApiKeyStore>();
        var issued = (await db.Get<TenantStore>().CreateAsync("Acme", "acme")).FirstKey!;
        Assert.Equal(ApiKeyCheck.Valid, (await keys.AuthenticateAsync(issued.Secret)).Check);
        Assert.Equal(ApiKeyCheck.Valid, (await keys.AuthenticateAsync(issued.Secret)).Check);

        await using (var other = db.AnotherProcess())
        {
            Assert.NotNull(await other.GetRequiredService<ApiKeyStore>().RevokeAsync(issued.Key.TenantId, issued.Key.Id));
        }

        Assert.Equal(ApiKeyCheck.Invalid, (await keys.AuthenticateAsync(issued.Secret)).Check);
    }
}

public sealed class ChangeStampSqliteTests(ITestOutputHelper output) : ChangeStampTests(DatabaseProvider.Sqlite, output);

public sealed class ChangeStampPostgresTests(ITestOutputHelper output) : ChangeStampTests(DatabaseProvider.PostgreSql, output);
