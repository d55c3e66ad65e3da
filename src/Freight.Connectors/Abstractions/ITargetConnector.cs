namespace Freight.Connectors;

/// <summary>
/// Writes canonical records into a system. Writes of kinds listed by <see cref="IsIdempotent"/> can be repeated
/// without creating anything twice (an upsert by a unique attribute); for the others the engine records its
/// intent first and, after a crash or a write whose outcome is unknown, asks <see cref="FindWrittenAsync"/>
/// before sending again.
/// </summary>
public interface ITargetConnector : IAsyncDisposable
{
    /// <summary>Checks the credentials against the system's identity endpoint.</summary>
    Task<CredentialCheck> VerifyCredentialsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Creates what the records need and is missing (unique source-id attributes, one attribute per custom
    /// field, options, lists), reads what exists, and remembers it for the writes that follow. Safe to repeat.
    /// </summary>
    Task<SchemaReport> EnsureSchemaAsync(SourceSchema schema, CancellationToken cancellationToken);

    /// <summary>Whether writing a record of <paramref name="kind"/> twice leaves one record in the target.</summary>
    bool IsIdempotent(EntityKind kind);

    /// <summary>
    /// Writes one record. A record the target refuses comes back as <see cref="WriteResult.Rejected"/>; an error
    /// that may pass (a network failure, 5xx or 429 left after Freight.Http's retries) as
    /// <see cref="WriteResult.Transient"/>; a failure no record can get past (401, 403) throws
    /// <see cref="ConnectorException"/> with <see cref="ConnectorException.StopsJob"/>.
    /// </summary>
    Task<WriteResult> WriteAsync(EntityKind kind, SourceRecord record, CancellationToken cancellationToken);

    /// <summary>The target id of a record an earlier, unconfirmed write created, or null if the target has none.</summary>
    Task<string?> FindWrittenAsync(EntityKind kind, SourceRecord record, CancellationToken cancellationToken);

    /// <summary>Writes at most this many records at once; the target's rate limit paces them further.</summary>
    int MaxParallelWrites { get; }
}

/// <summary>What <see cref="ITargetConnector.EnsureSchemaAsync"/> created and what it could not map.</summary>
public sealed record SchemaReport(IReadOnlyList<string> Created, IReadOnlyList<string> Warnings);

/// <summary>How one write ended.</summary>
public abstract record WriteResult
{
    private WriteResult()
    {
    }

    /// <summary>The record is in the target, under <see cref="TargetId"/>; <see cref="Warnings"/> name values left out.</summary>
    public sealed record Written(string TargetId, IReadOnlyList<string> Warnings) : WriteResult;

    /// <summary>
    /// The target refused the record. <see cref="Origin"/> says which side's data caused it (mapping or target),
    /// <see cref="Code"/> and <see cref="Message"/> are the target's, <see cref="Retryable"/> whether a retry can help.
    /// </summary>
    public sealed record Rejected(RejectionOrigin Origin, string Code, string Message, bool Retryable) : WriteResult;

    /// <summary>
    /// The write may or may not have happened and may pass later; the engine tries again. A rate limit's
    /// <see cref="RetryAfter"/> says when, and such a wait does not use up one of the record's attempts.
    /// </summary>
    public sealed record Transient(string Message, TimeSpan? RetryAfter = null) : WriteResult;
}

public enum RejectionOrigin
{
    /// <summary>The source record could not be read into the canonical shape.</summary>
    Source,

    /// <summary>The canonical record could not be mapped to the target's shape.</summary>
    Mapping,

    /// <summary>The target refused the mapped record.</summary>
    Target,
}

/// <summary>A connector failure; <see cref="StopsJob"/> when no retry can help (bad credentials, missing permission).</summary>
public sealed class ConnectorException(string message, bool stopsJob, Exception? inner = null) : Exception(message, inner)
{
    public bool StopsJob { get; } = stopsJob;
}
