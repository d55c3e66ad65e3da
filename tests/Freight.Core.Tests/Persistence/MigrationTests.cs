using Freight.Core.Persistence;
using Freight.Core.Persistence.Migrations;
using Freight.Core.Tests.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Xunit.Abstractions;

namespace Freight.Core.Tests.Persistence;

public abstract class MigrationTests(DatabaseProvider provider, ITestOutputHelper output) : DatabaseTests(provider, output)
{
    private static readonly string[] Tables =
        ["api_keys", "batches", "failed_records", "idempotency_records", "job_logs", "job_phases", "jobs", "record_maps", "tenants"];

    [Fact]
    public async Task Migrating_an_empty_database_applies_every_migration_and_creates_every_table()
    {
        await using var db = await OpenEmptyAsync();
        if (db is null)
        {
            return;
        }

        var applied = await db.Get<DatabaseMigrator>().MigrateAsync();

        await using var context = db.NewContext();
        Assert.Equal(context.Database.GetMigrations(), applied);
        Assert.Equal(["20261122093000_InitialCreate"], applied);
        var schema = await SchemaDescription.FromDatabaseAsync(db);
        Assert.Equal(Tables, schema.Where(line => line.StartsWith("constraints ", StringComparison.Ordinal)).Select(line => line.Split(' ', ':')[1]));
    }

    [Fact]
    public async Task Migrating_again_applies_nothing_and_changes_nothing()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var before = await SchemaDescription.FromDatabaseAsync(db);

        var applied = await db.Get<DatabaseMigrator>().MigrateAsync();

        Assert.Empty(applied);
        Assert.Empty(await db.Get<DatabaseMigrator>().GetPendingMigrationsAsync());
        Assert.Equal(before, await SchemaDescription.FromDatabaseAsync(db));
    }

    [Fact]
    public async Task The_model_snapshot_matches_the_model()
    {
        await using var db = await OpenEmptyAsync();
        if (db is null)
        {
            return;
        }

        await using var context = db.NewContext();

        Assert.True(!context.Database.HasPendingModelChanges(), "The model changed since the snapshot:\n" + Differences(context));
    }

    [Fact]
    public async Task The_migrated_schema_matches_the_model()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        await using var context = db.NewContext();
        var expected = SchemaDescription.FromModel(context, db.Provider);

        var actual = await SchemaDescription.FromDatabaseAsync(db);

        var missing = expected.Except(actual).ToList();
        var unexpected = actual.Except(expected).ToList();
        Assert.True(
            missing.Count == 0 && unexpected.Count == 0,
            $"The migrations and the model differ.\nIn the model, not in the database:\n  {string.Join("\n  ", missing)}\nIn the database, not in the model:\n  {string.Join("\n  ", unexpected)}");
    }

    // What a new migration would have to do, as EF's differ sees it: the message tells what to write.
    private static string Differences(FreightDbContext context)
    {
        var snapshot = ((IMutableModel)new FreightDbContextModelSnapshot().Model).FinalizeModel();
        snapshot = context.GetService<IModelRuntimeInitializer>().Initialize(snapshot);
        var operations = context.GetService<IMigrationsModelDiffer>().GetDifferences(
            snapshot.GetRelationalModel(), context.GetService<IDesignTimeModel>().Model.GetRelationalModel());
        return string.Join('\n', operations.Select(Describe));
    }

    private static string Describe(MigrationOperation operation) => operation switch
    {
        ColumnOperation column => $"{operation.GetType().Name} {column.Table}.{column.Name} {column.ClrType.Name} {column.ColumnType} nullable={column.IsNullable} {string.Join(", ", column.GetAnnotations().Select(a => $"{a.Name}={a.Value}"))}"
            + (column is AlterColumnOperation alter ? $" (was {alter.OldColumn.ClrType.Name} {alter.OldColumn.ColumnType} nullable={alter.OldColumn.IsNullable} {string.Join(", ", alter.OldColumn.GetAnnotations().Select(a => $"{a.Name}={a.Value}"))})" : ""),
        TableOperation table => $"{operation.GetType().Name} {table.Name}",
        CreateIndexOperation index => $"CreateIndex {index.Table}.{index.Name} ({string.Join(", ", index.Columns)})",
        DropIndexOperation index => $"DropIndex {index.Table}.{index.Name}",
        _ => operation.GetType().Name,
    };
}

public sealed class MigrationSqliteTests(ITestOutputHelper output) : MigrationTests(DatabaseProvider.Sqlite, output);

public sealed class MigrationPostgresTests(ITestOutputHelper output) : MigrationTests(DatabaseProvider.PostgreSql, output);
