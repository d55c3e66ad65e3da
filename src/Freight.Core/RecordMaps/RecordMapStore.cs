using Freight.Core.Domain;
using Freight.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Freight.Core.RecordMaps;

/// <summary>
/// Source id → target id per job and entity, in bulk. For a write the target cannot deduplicate: call
/// <see cref="RecordIntentsAsync"/> before sending, <see cref="CompleteAsync"/> after; a record still pending
/// when a worker resumes has an unknown outcome and must be reconciled against the target first.
/// </summary>
public sealed class RecordMapStore(IDbContextFactory<FreightDbContext> contexts, TimeProvider time)
{
    // Keeps each statement's parameter count far below both providers' limits.
    private const int ChunkSize = 500;
    private const int MaxAttempts = 3;

    /// <summary>The rows present for <paramref name="sourceIds"/>, by source id (absent ids have none).</summary>
    public async Task<IReadOnlyDictionary<string, RecordMap>> FindAsync(
        Guid jobId, Phase entity, IReadOnlyCollection<string> sourceIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sourceIds);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var found = new Dictionary<string, RecordMap>(StringComparer.Ordinal);
        foreach (var chunk in sourceIds.Distinct(StringComparer.Ordinal).Chunk(ChunkSize))
        {
            var rows = await context.RecordMaps.AsNoTracking()
                .Where(map => map.JobId == jobId && map.Entity == entity && chunk.Contains(map.SourceId))
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                found[row.SourceId] = row;
            }
        }

        return found;
    }

    /// <summary>Records "about to write" for the ids that have no row yet; existing rows stay as they are.</summary>
    public Task RecordIntentsAsync(Guid jobId, Phase entity, IReadOnlyCollection<string> sourceIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sourceIds);
        var intents = sourceIds.Distinct(StringComparer.Ordinal).Select(id => new KeyValuePair<string, string?>(id, null));
        return WriteAsync(jobId, entity, intents, overwrite: false, cancellationToken);
    }

    /// <summary>Records written records' target ids (inserting or updating), marking them done.</summary>
    public Task CompleteAsync(Guid jobId, Phase entity, IReadOnlyDictionary<string, string> targetIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(targetIds);
        var done = targetIds.Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value));
        return WriteAsync(jobId, entity, done, overwrite: true, cancellationToken);
    }

    /// <summary>Intents whose outcome is unknown, oldest first.</summary>
    public async Task<IReadOnlyList<RecordMap>> ListPendingAsync(Guid jobId, Phase entity, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        return await context.RecordMaps.AsNoTracking()
            .Where(map => map.JobId == jobId && map.Entity == entity && map.State == RecordMapState.Pending)
            .OrderBy(map => map.UpdatedAt).ThenBy(map => map.SourceId)
            .Take(limit)
            .ToListAsync(cancellationToken);
    }

    // A target id marks the row done; a null one records an intent. Concurrent writers of the same id meet on
    // the primary key: the loser reads the winner's row and tries again.
    private async Task WriteAsync(
        Guid jobId, Phase entity, IEnumerable<KeyValuePair<string, string?>> rows, bool overwrite, CancellationToken cancellationToken)
    {
        foreach (var chunk in rows.Chunk(ChunkSize))
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await WriteChunkAsync(jobId, entity, chunk, overwrite, cancellationToken);
                    break;
                }
                catch (DbUpdateException exception) when (attempt < MaxAttempts && DatabaseErrors.IsUniqueViolation(exception))
                {
                    // Another writer inserted one of these ids first; the next round updates its row.
                }
            }
        }
    }

    private async Task WriteChunkAsync(
        Guid jobId, Phase entity, KeyValuePair<string, string?>[] chunk, bool overwrite, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = chunk.Select(pair => pair.Key).ToArray();
        var existing = await context.RecordMaps
            .Where(map => map.JobId == jobId && map.Entity == entity && ids.Contains(map.SourceId))
            .ToDictionaryAsync(map => map.SourceId, StringComparer.Ordinal, cancellationToken);
        var now = time.GetUtcNow();
        foreach (var (sourceId, targetId) in chunk)
        {
            if (existing.TryGetValue(sourceId, out var row))
            {
                if (overwrite)
                {
                    row.TargetId = targetId;
                    row.State = RecordMapState.Done;
                    row.UpdatedAt = now;
                }

                continue;
            }

            context.RecordMaps.Add(new RecordMap
            {
                JobId = jobId,
                Entity = entity,
                SourceId = sourceId,
                TargetId = targetId,
                State = targetId is null ? RecordMapState.Pending : RecordMapState.Done,
                UpdatedAt = now,
            });
        }

        await context.SaveChangesAsync(cancellationToken);
    }
}
