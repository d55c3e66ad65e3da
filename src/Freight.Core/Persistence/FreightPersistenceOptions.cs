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

    /// <summary>
    /// The secret API keys are hashed with (HMAC-SHA256), at least 32 characters. Default: 32 random bytes created
    /// in <see cref="KeyRingDirectory"/> on first use. Changing it invalidates every key issued before.
    /// </summary>
    public string? ApiKeySecret { get; set; }

    /// <summary>How long a SQLite statement waits for another connection's write lock. Default: 30 s.</summary>
    public TimeSpan SqliteBusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Log rows kept per job, the "log capped" row included. Default: <see cref="JobLogStore.DefaultMaxEntriesPerJob"/>.</summary>
    public int MaxLogEntriesPerJob { get; set; } = JobLogStore.DefaultMaxEntriesPerJob;

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(KeyRingDirectory, nameof(KeyRingDirectory));
        if (ApiKeySecret is { Length: < 32 })
        {
            throw new ArgumentException("ApiKeySecret needs at least 32 characters.", nameof(ApiKeySecret));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(SqliteBusyTimeout, TimeSpan.Zero, nameof(SqliteBusyTimeout));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(SqliteBusyTimeout, TimeSpan.FromMilliseconds(int.MaxValue), nameof(SqliteBusyTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLogEntriesPerJob, 2, nameof(MaxLogEntriesPerJob));
    }
}
