using System.Security.Cryptography;
using Freight.Core.Jobs;
using Freight.Core.Persistence;
using Freight.Core.Secrets;
using Freight.Core.Tests.Databases;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Freight.Core.Tests.Secrets;

public abstract class SecretProtectionTests(DatabaseProvider provider, ITestOutputHelper output) : DatabaseTests(provider, output)
{
    [Fact]
    public async Task Job_configs_are_encrypted_at_rest_and_readable_by_the_worker()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var jobs = db.Get<JobStore>();
        var job = await db.JobAsync((await db.TenantAsync()).Id);

        var row = (await db.RowsAsync($"SELECT source_config, target_config FROM jobs WHERE id = {Sql.Id(db, job.Id)}")).Single();

        Assert.All(row, value => Assert.False(string.IsNullOrEmpty((string?)value)));
        Assert.All(row, value => Assert.DoesNotContain("secret", (string)value!, StringComparison.Ordinal));
        Assert.DoesNotContain(Seed.SourceSecret, (string)row[0]!, StringComparison.Ordinal);
        Assert.DoesNotContain(Seed.TargetSecret, (string)row[1]!, StringComparison.Ordinal);
        var stored = await jobs.FindAsync(job.TenantId, job.Id);
        Assert.Equal($$"""{"api_key":"{{Seed.SourceSecret}}"}""", jobs.ReadSourceConfig(stored!));
        Assert.Equal($$"""{"access_token":"{{Seed.TargetSecret}}"}""", jobs.ReadTargetConfig(stored!));
    }

    [Fact]
    public async Task The_key_ring_in_its_directory_lets_another_process_read_the_configs()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var job = await db.JobAsync((await db.TenantAsync()).Id);
        await using var sameRing = new ServiceCollection()
            .AddFreightPersistence(db.ConnectionString, options => options.KeyRingDirectory = db.KeyRingDirectory)
            .BuildServiceProvider();
        await using var otherRing = new ServiceCollection()
            .AddFreightPersistence(db.ConnectionString, options => options.KeyRingDirectory = db.KeyRingDirectory + "-other")
            .BuildServiceProvider();

        Assert.Equal(
            $$"""{"api_key":"{{Seed.SourceSecret}}"}""",
            sameRing.GetRequiredService<ISecretProtector>().Unprotect(job.ProtectedSourceConfig));
        Assert.ThrowsAny<CryptographicException>(() => otherRing.GetRequiredService<ISecretProtector>().Unprotect(job.ProtectedSourceConfig));
        Directory.Delete(db.KeyRingDirectory + "-other", recursive: true);
    }
}

public sealed class SecretProtectionSqliteTests(ITestOutputHelper output) : SecretProtectionTests(DatabaseProvider.Sqlite, output);

public sealed class SecretProtectionPostgresTests(ITestOutputHelper output) : SecretProtectionTests(DatabaseProvider.PostgreSql, output);
