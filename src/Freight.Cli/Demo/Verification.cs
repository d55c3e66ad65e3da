using System.Text.Json;
using Freight.Sandbox.Dataset;

namespace Freight.Cli.Demo;

/// <summary>
/// The demo's verdict: per object, what the source held, what the job read, what Attio holds, what the job listed
/// as refused and why, against <see cref="ExpectedOutcome"/> worked out from the dataset alone, and the duplicates
/// the Attio simulator finds; plus what must hold of the job as a whole.
/// </summary>
internal sealed record Verification(IReadOnlyList<ObjectCheck> Objects, IReadOnlyList<string> Problems)
{
    public bool Holds => Problems.Count == 0 && Objects.All(row => row.Holds);

    /// <summary>
    /// Compares the <paramref name="expected"/> outcome with the finished <paramref name="job"/>, the failures the API
    /// lists for it (<paramref name="refusals"/>), and the Attio simulator's <c>/_sandbox/counts</c> and
    /// <c>/_sandbox/duplicates</c>.
    /// </summary>
    public static Verification Check(
        ExpectedOutcome expected, JobState job, IReadOnlyList<TargetRefusal> refusals, JsonElement counts, JsonElement duplicates)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(refusals);
        var held = Held(counts);
        var duplicated = Duplicated(duplicates);
        var rows = MigratedObjects.All.Select(name =>
        {
            var wanted = expected.Refusals.Where(r => r.ObjectName == name).Select(r => r.ToString()).Order(StringComparer.Ordinal).ToList();
            var listed = refusals.Where(r => r.ObjectName == name).ToList();
            return new ObjectCheck(
                name,
                expected.Source(name),
                job.Phases.FirstOrDefault(phase => phase.Name == name)?.Read ?? 0,
                held.GetValueOrDefault(name),
                expected.Held(name),
                ByCode(listed),
                ByCode(expected.Refusals.Where(r => r.ObjectName == name)),
                wanted.SequenceEqual(listed.Select(r => r.ToString()).Order(StringComparer.Ordinal), StringComparer.Ordinal),
                duplicated.GetValueOrDefault(name));
        }).ToList();

        var problems = new List<string>();
        var finalStatus = expected.Refusals.Count == 0 ? "completed" : "completed_with_errors";
        if (job.Status != finalStatus)
        {
            problems.Add($"The job ended {job.Status}{(job.StatusReason is null ? "" : $" ({job.StatusReason})")}, not {finalStatus}.");
        }

        if (job.Processed != job.Total)
        {
            problems.Add($"The job processed {job.Processed:N0} of its {job.Total:N0} records.");
        }

        if (job.Failed != refusals.Count)
        {
            problems.Add($"The job counts {job.Failed:N0} failed records but lists {refusals.Count:N0}.");
        }

        foreach (var row in rows.Where(row => row.Read != row.Source))
        {
            problems.Add($"The job read {row.Read:N0} {row.ObjectName} records; the source holds {row.Source:N0}.");
        }

        foreach (var other in refusals.Where(r => !MigratedObjects.All.Contains(r.ObjectName)).GroupBy(r => r.ObjectName))
        {
            problems.Add($"The job lists {other.Count():N0} failures in {other.Key}, which should have none.");
        }

        return new Verification(rows, problems);
    }

    private static Dictionary<string, long> Held(JsonElement counts)
    {
        var records = counts.GetProperty("records");
        long Records(string name) => records.TryGetProperty(name, out var count) ? count.GetInt64() : 0;
        return new Dictionary<string, long>
        {
            [MigratedObjects.Companies] = Records("companies"),
            [MigratedObjects.People] = Records("people"),
            [MigratedObjects.Deals] = Records("deals"),
            [MigratedObjects.Notes] = counts.GetProperty("notes").GetProperty("total").GetInt64(),
            [MigratedObjects.ListEntries] = counts.GetProperty("entries").EnumerateObject().Sum(list => list.Value.GetInt64()),
        };
    }

    private static Dictionary<string, long> Duplicated(JsonElement duplicates)
    {
        var found = new Dictionary<string, long>();
        void Add(string name, long count) => found[name] = found.GetValueOrDefault(name) + count;
        // Each group holds one record too many per extra id: a pair is one duplicate.
        static long Extra(JsonElement group, string ids) => group.GetProperty(ids).GetArrayLength() - 1;
        foreach (var group in duplicates.GetProperty("records").EnumerateArray())
        {
            Add(group.GetProperty("object").GetString() ?? "", Extra(group, "record_ids"));
        }

        foreach (var group in duplicates.GetProperty("notes").EnumerateArray())
        {
            Add(MigratedObjects.Notes, Extra(group, "note_ids"));
        }

        foreach (var group in duplicates.GetProperty("entries").EnumerateArray())
        {
            Add(MigratedObjects.ListEntries, Extra(group, "entry_ids"));
        }

        return found;
    }

    private static SortedDictionary<string, long> ByCode(IEnumerable<TargetRefusal> refusals) =>
        new(refusals.GroupBy(r => r.Code).ToDictionary(group => group.Key, group => (long)group.Count()), StringComparer.Ordinal);
}

/// <summary>One object's row of the verification table.</summary>
internal sealed record ObjectCheck(
    string ObjectName,
    long Source,
    long Read,
    long Migrated,
    long ExpectedMigrated,
    IReadOnlyDictionary<string, long> Rejected,
    IReadOnlyDictionary<string, long> ExpectedRejected,
    bool RejectionsMatch,
    long Duplicates)
{
    public bool Holds => Read == Source && Migrated == ExpectedMigrated && RejectionsMatch && Duplicates == 0;
}
