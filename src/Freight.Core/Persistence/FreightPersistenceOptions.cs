using Freight.Core.Logs;

namespace Freight.Core.Persistence;

/// <summary>Settings of <see cref="PersistenceServiceCollectionExtensions.AddFreightPersistence"/>.</summary>
public sealed class FreightPersistenceOptions
{
    /// <summary>Apply pending migrations when the host starts. Default: false (run <c>freight db migrate</c>).</summary>
    public bool MigrateOnStart { get; set; }

    /// <summary>
    /// Where the Data Protection key ring that encrypts job configs is kept. Every process sharing the database
    /// must share the key ring. Default: <c>freight/keys</c> under the user's local application data folder.
    /// </summary>
    public string KeyRingDirectory { get; set; } =
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "freight", "keys");

    /// <summary>How long a SQLite statement waits for another connection's write lock. Default: 30 s.</summary>
    public TimeSpan SqliteBusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Log rows kept per job, the "log capped" row included. Default: <see cref="JobLogStore.DefaultMaxEntriesPerJob"/>.</summary>
    public int MaxLogEntriesPerJob { get; set; } = JobLogStore.DefaultMaxEntriesPerJob;

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(KeyRingDirectory, nameof(KeyRingDirectory));
        ArgumentOutOfRangeException.ThrowIfLessThan(SqliteBusyTimeout, TimeSpan.Zero, nameof(SqliteBusyTimeout));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(SqliteBusyTimeout, TimeSpan.FromMilliseconds(int.MaxValue), nameof(SqliteBusyTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLogEntriesPerJob, 2, nameof(MaxLogEntriesPerJob));
    }
}
