using Freight.Core.Domain;
using Freight.Core.Persistence;
using Freight.Core.Tenants;
using Freight.Core.Tests.Databases;
using Xunit.Abstractions;

namespace Freight.Core.Tests.Tenants;

public abstract class TenantStoreTests(DatabaseProvider provider, ITestOutputHelper output) : DatabaseTests(provider, output)
{
    [Fact]
    public async Task A_new_tenant_comes_with_a_first_key_that_authenticates_as_it_and_only_its_hash_is_stored()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var creation = await db.Get<TenantStore>().CreateAsync("  Acme Ventures ", "acme");

        var tenant = creation.Tenant!;
        var key = creation.FirstKey!;
        Assert.Equal(("Acme Ventures", "acme", TenantStatus.Active), (tenant.Name, tenant.Slug, tenant.Status));
        Assert.Matches("^frt_[0-9A-Za-z]{48}$", key.Secret);
        Assert.Equal((key.Secret.Substring(4, 8), "default", tenant.Id), (key.Key.Prefix, key.Key.Name, key.Key.TenantId));
        Assert.Equal(new Authentication(ApiKeyCheck.Valid, tenant.Id, key.Key.Id), await db.Get<ApiKeyStore>().AuthenticateAsync(key.Secret));
        var row = Assert.Single(await db.RowsAsync("SELECT prefix, hash FROM api_keys"));
        Assert.Equal(key.Key.Prefix, row[0]);
        Assert.Equal(32, ((byte[])row[1]!).Length);
        Assert.Equal(db.Get<ApiKeyHasher>().Hash(key.Secret), (byte[])row[1]!);
    }

    [Fact]
    public async Task A_taken_slug_creates_nothing()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        await db.Get<TenantStore>().CreateAsync("Acme", "acme");

        var again = await db.Get<TenantStore>().CreateAsync("Another Acme", "acme");

        Assert.True(again.SlugTaken);
        Assert.Null(again.FirstKey);
        Assert.Equal(1L, Convert.ToInt64(await db.ScalarAsync("SELECT COUNT(*) FROM tenants"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1L, Convert.ToInt64(await db.ScalarAsync("SELECT COUNT(*) FROM api_keys"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(null, ApiKeyCheck.Missing)]
    [InlineData("", ApiKeyCheck.Missing)]
    [InlineData("secret", ApiKeyCheck.Malformed)]
    [InlineData("frt_abc", ApiKeyCheck.Malformed)]
    [InlineData("frt_ABCDEFGH0123456789012345678901234567890!", ApiKeyCheck.Malformed)]
    [InlineData("FRT_ABCDEFGH0123456789012345678901234567890123456789", ApiKeyCheck.Malformed)]
    [InlineData("frt_ABCDEFGH0123456789012345678901234567890123456789", ApiKeyCheck.Invalid)]
    public async Task A_key_that_is_missing_misshapen_or_unknown_is_refused_as_such(string? key, ApiKeyCheck expected)
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        await db.Get<TenantStore>().CreateAsync("Acme", "acme");

        Assert.Equal(new Authentication(expected), await db.Get<ApiKeyStore>().AuthenticateAsync(key));
    }

    [Fact]
    public async Task A_key_with_a_known_prefix_and_another_secret_is_invalid_before_and_after_the_real_key_was_checked()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var key = (await db.Get<TenantStore>().CreateAsync("Acme", "acme")).FirstKey!.Secret;
        var forged = key[..12] + new string('x', 40);
        var keys = db.Get<ApiKeyStore>();

        Assert.Equal(ApiKeyCheck.Invalid, (await keys.AuthenticateAsync(forged)).Check);
        Assert.Equal(ApiKeyCheck.Valid, (await keys.AuthenticateAsync(key)).Check);
        Assert.Equal(ApiKeyCheck.Invalid, (await keys.AuthenticateAsync(forged)).Check);
        Assert.Equal(ApiKeyCheck.Invalid, (await keys.AuthenticateAsync(key[..^1] + (key[^1] == 'a' ? 'b' : 'a'))).Check);
        Assert.Equal(ApiKeyCheck.Valid, (await keys.AuthenticateAsync(key)).Check);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_from_the_next_request_and_the_tenants_other_keys_still_work()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var keys = db.Get<ApiKeyStore>();
        var first = (await db.Get<TenantStore>().CreateAsync("Acme", "acme")).FirstKey!;
        db.Time.Advance(TimeSpan.FromSeconds(1));
        var second = (await keys.IssueAsync(first.Key.TenantId, "ci"))!;
        Assert.Equal(ApiKeyCheck.Valid, (await keys.AuthenticateAsync(first.Secret)).Check);

        var revoked = await keys.RevokeAsync(first.Key.TenantId, first.Key.Id);

        Assert.Equal(db.Time.GetUtcNow(), revoked!.RevokedAt);
        Assert.Equal(ApiKeyCheck.Invalid, (await keys.AuthenticateAsync(first.Secret)).Check);
        Assert.Equal(ApiKeyCheck.Valid, (await keys.AuthenticateAsync(second.Secret)).Check);
        Assert.Equal(["default", "ci"], (await keys.ListAsync(first.Key.TenantId)).Select(key => key.Name));
    }

    [Fact]
    public async Task Another_tenants_key_cannot_be_revoked_or_listed_and_no_key_is_issued_for_an_unknown_tenant()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var keys = db.Get<ApiKeyStore>();
        var acme = (await db.Get<TenantStore>().CreateAsync("Acme", "acme")).FirstKey!;
        var globex = (await db.Get<TenantStore>().CreateAsync("Globex", "globex")).FirstKey!;

        Assert.Null(await keys.RevokeAsync(globex.Key.TenantId, acme.Key.Id));
        Assert.Equal(ApiKeyCheck.Valid, (await keys.AuthenticateAsync(acme.Secret)).Check);
        Assert.Equal([globex.Key.Id], (await keys.ListAsync(globex.Key.TenantId)).Select(key => key.Id));
        Assert.Null(await keys.IssueAsync(Guid.NewGuid(), "ghost"));
    }

    [Fact]
    public async Task A_busy_key_records_its_last_use_once_a_minute()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var keys = db.Get<ApiKeyStore>();
        var issued = (await db.Get<TenantStore>().CreateAsync("Acme", "acme")).FirstKey!;
        var start = db.Time.GetUtcNow();

        await keys.AuthenticateAsync(issued.Secret);
        db.Time.Advance(TimeSpan.FromSeconds(59));
        await keys.AuthenticateAsync(issued.Secret);
        var withinTheMinute = (await keys.ListAsync(issued.Key.TenantId))[0].LastUsedAt;
        db.Time.Advance(TimeSpan.FromSeconds(1));
        await keys.AuthenticateAsync(issued.Secret);

        Assert.Equal(start, withinTheMinute);
        Assert.Equal(start.AddMinutes(1), (await keys.ListAsync(issued.Key.TenantId))[0].LastUsedAt);
    }

    [Fact]
    public async Task Tenants_are_listed_oldest_first_in_pages()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var tenants = db.Get<TenantStore>();
        foreach (var slug in new[] { "a", "b", "c" })
        {
            await tenants.CreateAsync(slug.ToUpperInvariant(), slug);
            db.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var page = await tenants.ListAsync(offset: 1, limit: 1);

        Assert.Equal((3, true), (page.Total, page.HasMore));
        Assert.Equal("b", Assert.Single(page.Items).Slug);
        var last = Assert.Single((await tenants.ListAsync(offset: 2, limit: 10)).Items);
        Assert.Equal("c", (await tenants.FindAsync(last.Id))!.Slug);
        Assert.Null(await tenants.FindAsync(Guid.NewGuid()));
    }
}

public sealed class TenantStoreSqliteTests(ITestOutputHelper output) : TenantStoreTests(DatabaseProvider.Sqlite, output);

public sealed class TenantStorePostgresTests(ITestOutputHelper output) : TenantStoreTests(DatabaseProvider.PostgreSql, output);
