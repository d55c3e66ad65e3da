namespace Freight.Connectors;

/// <summary>
/// Reads a system's records as canonical records (<see cref="CanonicalJson"/>), one page at a time from
/// a cursor the engine checkpoints. Reads are safe to repeat: the same cursor gives the same page.
/// </summary>
public interface ISourceConnector : IAsyncDisposable
{
    /// <summary>Checks the credentials against the system's identity endpoint.</summary>
    Task<CredentialCheck> VerifyCredentialsAsync(CancellationToken cancellationToken);

    /// <summary>The custom fields, lists and users the records refer to; the target builds its schema from it.</summary>
    Task<SourceSchema> ReadSchemaAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The page of <paramref name="kind"/> that starts at <paramref name="cursor"/> (null: the first page).
    /// Throws <see cref="ConnectorException"/> when the source cannot be read (after Freight.Http's retries).
    /// </summary>
    Task<SourcePage> ReadPageAsync(EntityKind kind, string? cursor, CancellationToken cancellationToken);
}

/// <summary>One page of records and the cursor of the next one; <see cref="NextCursor"/> is null after the last page.</summary>
public sealed record SourcePage(IReadOnlyList<SourceRecord> Records, string? NextCursor);

/// <summary>
/// One record to migrate: its id in the source, unique per kind (a note on two parents is two records), and
/// its canonical JSON (UTF-8), which the engine stores in a batch before any write and hands to the target.
/// </summary>
public sealed record SourceRecord(string SourceId, ReadOnlyMemory<byte> Payload);

/// <summary>The outcome of a credential check: <see cref="Valid"/>, or the reason the system gave.</summary>
public sealed record CredentialCheck(bool Valid, string? Problem = null)
{
    public static CredentialCheck Ok { get; } = new(true);
}
