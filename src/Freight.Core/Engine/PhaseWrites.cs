using System.Text.Json;
using Freight.Connectors;

namespace Freight.Core.Engine;

/// <summary>
/// How one entity phase's records are written beside the phases before it: the write slots every phase of the job
/// shares (the target's <c>MaxParallelWrites</c>), the phase's own <see cref="RecordGate"/>, and the gates of the
/// phases before it, which may still be finishing their last records.
/// </summary>
internal sealed record PhaseWrites(SemaphoreSlim Slots, RecordGate Gate, IReadOnlyList<RecordGate> Earlier)
{
    /// <summary>
    /// Completes when every record of an earlier phase that <paramref name="record"/> may name is finished; null when
    /// none is pending. Any string of the canonical record may be a reference (ids, parents, reference fields), so
    /// each is looked up: a value that only looks like a pending id makes the record wait a little, never write early.
    /// </summary>
    public Task? ReferencesInFlight(SourceRecord record)
    {
        var busy = Earlier.Where(gate => !gate.IsEmpty).ToList();
        if (busy.Count == 0)
        {
            return null;
        }

        List<Task>? waits = null;
        var reader = new Utf8JsonReader(record.Payload.Span);
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                continue;
            }

            var value = reader.GetString()!;
            foreach (var gate in busy)
            {
                if (gate.Pending(value) is { } pending)
                {
                    (waits ??= []).Add(pending);
                }
            }
        }

        return waits is null ? null : Task.WhenAll(waits);
    }
}
