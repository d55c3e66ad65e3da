namespace Freight.Client;

/// <summary>One batch of a job's records.</summary>
/// <param name="Id">The batch's id.</param>
/// <param name="Phase">The phase it belongs to.</param>
/// <param name="Sequence">Its place in the phase.</param>
/// <param name="Status">Where it is.</param>
/// <param name="Attempts">Attempts made.</param>
/// <param name="RecordCount">Records in it.</param>
/// <param name="Error">The last error, when it failed.</param>
/// <param name="CreatedAt">When it was queued.</param>
/// <param name="StartedAt">When a worker started it.</param>
/// <param name="CompletedAt">When it finished.</param>
public sealed record BatchResponse(
    Guid Id, Phase Phase, int Sequence, BatchStatus Status, int Attempts, int RecordCount, string? Error,
    DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt);

/// <summary>One line of a job's log.</summary>
/// <param name="Id">The line's id, increasing.</param>
/// <param name="Level">Its level.</param>
/// <param name="Message">What happened.</param>
/// <param name="Entity">The phase it is about, if any.</param>
/// <param name="BatchId">The batch it is about, if any.</param>
/// <param name="CreatedAt">When it was written.</param>
public sealed record LogResponse(long Id, JobLogLevel Level, string Message, Phase? Entity, Guid? BatchId, DateTimeOffset CreatedAt);

/// <summary>A record that could not be migrated: where and why, without the record's data.</summary>
/// <param name="Id">The failure's id.</param>
/// <param name="Entity">The phase of the record.</param>
/// <param name="SourceId">The record's id in the source.</param>
/// <param name="BatchId">The batch it was in, if any.</param>
/// <param name="Origin">Which side the problem is on.</param>
/// <param name="Code">A machine-readable reason.</param>
/// <param name="Message">The reason, for people.</param>
/// <param name="Retryable">Whether a retry may succeed.</param>
/// <param name="CreatedAt">When it failed.</param>
public sealed record FailureResponse(
    long Id, Phase Entity, string SourceId, Guid? BatchId, FailureOrigin Origin, string Code, string Message, bool Retryable, DateTimeOffset CreatedAt);

/// <summary>One page of a list, as the API sends it.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items on this page.</param>
/// <param name="Total">Items in the whole list.</param>
/// <param name="Limit">The page size asked for.</param>
/// <param name="Offset">How many items come before this page.</param>
/// <param name="HasMore">Whether items follow this page.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int Limit, int Offset, bool HasMore);
