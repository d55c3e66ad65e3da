using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Freight.Core.Persistence;

/// <summary>Brings the database schema up to date: at start (an option) and from <c>freight db migrate</c>.</summary>
public sealed class DatabaseMigrator(IDbContextFactory<FreightDbContext> contexts, FreightDatabase database)
{
    /// <summary>Applies the migrations the database lacks and returns their ids; none when it is up to date.</summary>
    /// <remarks>Safe to run from several processes at once: EF Core holds a database lock while migrating.</remarks>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        CreateSqliteDirectory();
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            await context.Database.MigrateAsync(cancellationToken);
        }

        return pending;
    }

    /// <summary>The ids of the migrations the database lacks.</summary>
    public async Task<IReadOnlyList<string>> GetPendingMigrationsAsync(CancellationToken cancellationToken = default)
    {
        CreateSqliteDirectory();
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        return [.. await context.Database.GetPendingMigrationsAsync(cancellationToken)];
    }

    // SQLite creates the file on first open, but not the folder it goes in.
    private void CreateSqliteDirectory()
    {
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        if (Path.GetDirectoryName(Path.GetFullPath(file)) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }
    }
}
