using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Text;
using Freight.Connectors;
using Freight.Core.Batches;
using Freight.Core.Domain;
using Freight.Core.RecordMaps;

namespace Freight.Core.Engine;

/// <summary>
/// Writes one batch's records through the target, each holding one of the job's write slots
/// (<see cref="ITargetConnector.MaxParallelWrites"/>) while it is written; the target's rate limit paces them. A record
/// that names a record an earlier phase is still writing waits for it first, without a slot. Records the target refuses become failures; transient errors
/// are retried per record, a 429 without using up an attempt. For kinds the target cannot deduplicate, each
/// record's intent is stored before it is sent, and an intent left by an earlier attempt is first looked up
/// in the target, so nothing is written twice.
/// </summary>
internal sealed class BatchWriter(
    ITargetConnector target,
    RecordMapStore maps,
    Guid jobId,
    Phase phase,
    EntityKind kind,
    RetryPolicy policy,
    TimeProvider time,
    PhaseWrites writes)
{
    /// <summary>
    /// Writes <paramref name="records"/>, each once it has one of the write slots (shared by every batch of the job, so
    /// batches and phases overlapping at a boundary stay within the target's parallelism). <paramref name="dispatched"/>
    /// completes once every record has its slot or waits for a record it names, when the next batch may start. A record that keeps failing transiently stops the rest and throws
    /// <see cref="TransientBatchException"/>; what was written by then is recorded in the record map either way.
    /// </summary>
    public async Task<BatchOutcome> WriteAsync(
        IReadOnlyList<SourceRecord> records, TaskCompletionSource? dispatched, CancellationToken cancellationToken)
    {
        var written = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var failures = new ConcurrentQueue<RecordFailure>();
        var warnings = new ConcurrentQueue<string>();
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = new List<Task>(records.Count);
        writes.Gate.Open(records.Select(record => record.SourceId));
        try
        {
            var toWrite = target.IsIdempotent(kind) ? records : await ReconcileAsync(records, written, cancellationToken);
            foreach (var record in toWrite)
            {
                if (writes.ReferencesInFlight(record) is { } references)
                {
                    running.Add(WriteAfterAsync(references, record, failed, written, failures, warnings));
                    continue;
                }

                await writes.Slots.WaitAsync(failed.Token);
                running.Add(WriteOneAsync(record, failed, written, failures, warnings));
            }
        }
        catch (OperationCanceledException) when (failed.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // A record failed and cancelled the rest; its error is thrown below.
        }
        finally
        {
            dispatched?.TrySetResult();
            await Task.WhenAll(running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            // Also after a failure part-way: what reached the target is recorded, so a retry does not send it again.
            if (!written.IsEmpty)
            {
                await maps.CompleteAsync(jobId, phase, written, CancellationToken.None);
            }
        }

        if (running.FirstOrDefault(write => write.IsFaulted && write.Exception!.InnerException is not OperationCanceledException) is { } error)
        {
            ExceptionDispatchInfo.Throw(error.Exception!.InnerException!);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new BatchOutcome([.. failures], [.. warnings]);
    }

    private async Task WriteAfterAsync(
        Task references,
        SourceRecord record,
        CancellationTokenSource failed,
        ConcurrentDictionary<string, string> written,
        ConcurrentQueue<RecordFailure> failures,
        ConcurrentQueue<string> warnings)
    {
        await references.WaitAsync(failed.Token);
        await writes.Slots.WaitAsync(failed.Token);
        await WriteOneAsync(record, failed, written, failures, warnings);
    }

    /// <summary>Writes a record that holds a slot, and gives the slot back.</summary>
    private async Task WriteOneAsync(
        SourceRecord record,
        CancellationTokenSource failed,
        ConcurrentDictionary<string, string> written,
        ConcurrentQueue<RecordFailure> failures,
        ConcurrentQueue<string> warnings)
    {
        try
        {
            switch (await WriteWithRetriesAsync(record, failed.Token))
            {
                case WriteResult.Written done:
                    written[record.SourceId] = done.TargetId;
                    foreach (var warning in done.Warnings)
                    {
                        warnings.Enqueue($"{SnakeCase.Name(phase)} {record.SourceId}: {warning}");
                    }

                    break;
                case WriteResult.Rejected rejected:
                    failures.Enqueue(new RecordFailure(
                        record.SourceId, Origin(rejected.Origin), rejected.Code, rejected.Message, rejected.Retryable,
                        Encoding.UTF8.GetString(record.Payload.Span)));
                    break;
            }

            writes.Gate.Finish(record.SourceId);
        }
        catch (Exception) when (!failed.IsCancellationRequested)
        {
            await failed.CancelAsync();
            throw;
        }
        finally
        {
            writes.Slots.Release();
        }
    }

    /// <summary>
    /// Leaves out records an earlier attempt wrote (done in the record map, or found in the target for an intent
    /// whose outcome was unknown) and records the intent of the others before they are sent. The target is asked about
    /// the unknown ones side by side, as many at once as records are written, since a batch taken again after a crash
    /// or a transient failure may hold an intent for each of its records.
    /// </summary>
    private async Task<List<SourceRecord>> ReconcileAsync(
        IReadOnlyList<SourceRecord> records, ConcurrentDictionary<string, string> written, CancellationToken cancellationToken)
    {
        var known = await maps.FindAsync(jobId, phase, [.. records.Select(record => record.SourceId)], cancellationToken);
        var unknown = records.Where(record => known.TryGetValue(record.SourceId, out var map) && map.State != RecordMapState.Done);
        var lookups = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, target.MaxParallelWrites), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(unknown, lookups, async (record, token) =>
        {
            if (await target.FindWrittenAsync(kind, record, token) is { } targetId)
            {
                written[record.SourceId] = targetId;
            }
        });

        var remaining = new List<SourceRecord>(records.Count);
        foreach (var record in records)
        {
            if (written.ContainsKey(record.SourceId) || (known.TryGetValue(record.SourceId, out var map) && map.State == RecordMapState.Done))
            {
                writes.Gate.Finish(record.SourceId);
                continue;
            }

            remaining.Add(record);
        }

        await maps.RecordIntentsAsync(jobId, phase, [.. remaining.Select(record => record.SourceId)], cancellationToken);
        return remaining;
    }

    private async Task<WriteResult> WriteWithRetriesAsync(SourceRecord record, CancellationToken cancellationToken)
    {
        var attempts = 0;
        var idempotent = target.IsIdempotent(kind);
        while (true)
        {
            var result = await target.WriteAsync(kind, record, cancellationToken);
            if (result is not WriteResult.Transient transient)
            {
                return result;
            }

            // A write that cannot be repeated safely may have happened before the error: look before sending again.
            if (!idempotent && transient.RetryAfter is null
                && await target.FindWrittenAsync(kind, record, cancellationToken) is { } targetId)
            {
                return new WriteResult.Written(targetId, []);
            }

            // A 429 says when to come back and does not use up an attempt (BRIEF §3).
            if (transient.RetryAfter is not { } wait)
            {
                attempts++;
                if (attempts >= policy.MaxAttempts)
                {
                    throw new TransientBatchException($"record {record.SourceId}: {transient.Message} (after {attempts} attempts)");
                }

                wait = Backoff(attempts);
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        var delay = policy.InitialBackoff * Math.Pow(2, attempt - 1);
        return delay < policy.MaxBackoff ? delay : policy.MaxBackoff;
    }

    private static FailureOrigin Origin(RejectionOrigin origin) => origin switch
    {
        RejectionOrigin.Source => FailureOrigin.Source,
        RejectionOrigin.Mapping => FailureOrigin.Mapping,
        _ => FailureOrigin.Target,
    };
}

/// <summary>What a batch's write left: the records that failed and the warnings for the job's log.</summary>
internal sealed record BatchOutcome(IReadOnlyList<RecordFailure> Failures, IReadOnlyList<string> Warnings);

/// <summary>A record kept failing transiently: the batch goes back to the queue (or fails after its attempts).</summary>
internal sealed class TransientBatchException(string message) : Exception(message);
