namespace Freight.Core.Persistence.Changes;

/// <summary>A reading of <see cref="DatabaseChangeStamp"/>: equal readings mean nothing committed in between.</summary>
public readonly record struct ChangeStamp(long Number, string? Text = null);

/// <summary>
/// A number that changes whenever a transaction commits in the database, by any process, and is cheap to read:
/// what a cache of database rows compares to know, without reading the rows, that they are still current.
/// </summary>
/// <remarks>
/// Read the stamp before reading the rows it guards: if a later read gives the same stamp, nothing committed in
/// between, so the rows are current. Any commit changes it, including ones that touch other rows, so a cache keyed
/// by it misses more often than it must, never less.
/// </remarks>
public abstract class DatabaseChangeStamp : IAsyncDisposable
{
    /// <summary>The stamp now.</summary>
    public abstract ValueTask<ChangeStamp> ReadAsync(CancellationToken cancellationToken = default);

    public abstract ValueTask DisposeAsync();

    /// <summary>The stamp of the database Freight is configured with.</summary>
    public static DatabaseChangeStamp For(FreightDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.Provider switch
        {
            DatabaseProvider.Sqlite => new SqliteChangeStamp(database.ConnectionString),
            DatabaseProvider.PostgreSql => new PostgreSqlChangeStamp(database.ConnectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(database), database.Provider, "Unknown database provider."),
        };
    }
}
