using Freight.Core.Batches;
using Freight.Core.Domain;

namespace Freight.Migration.Benchmarks;

/// <summary>
/// Whether the migration did what it must, so no speed is ever reported for a broken one: the job ended
/// <c>completed_with_errors</c> with every record processed; the target holds every source record but the failed ones;
/// the failures are the dataset's expected rejections, and the records naming them, with Attio's answers; the target
/// has no duplicate.
/// </summary>
internal sealed record Outcome(IReadOnlyList<string> Problems, IReadOnlyList<string> Lines)
{
    public bool Holds => Problems.Count == 0;

    public static async Task<Outcome> CheckAsync(Job job, FailedRecordStore failedRecords, SandboxInspection inspection, CancellationToken cancellationToken)
    {
        var summary = await inspection.AffinityAsync("_sandbox/summary", cancellationToken);
        var counts = await inspection.AttioAsync("_sandbox/counts", cancellationToken);
        var duplicates = await inspection.AttioAsync("_sandbox/duplicates", cancellationToken);
        var failures = await FailuresAsync(failedRecords, job, cancellationToken);

        var problems = new List<string>();
        void Expect(bool holds, string problem)
        {
            if (!holds)
            {
                problems.Add(problem);
            }
        }

        var source = summary.GetProperty("counts");
        var expected = summary.GetProperty("expected_rejections");
        var records = counts.GetProperty("records");
        long Failed(Phase phase, string? code = null) =>
            failures.Where(pair => pair.Key.Phase == phase && (code is null || pair.Key.Code == code)).Sum(pair => pair.Value);
        long Held(string name) => records.GetProperty(name).GetInt64();

        Expect(job.Status == JobStatus.CompletedWithErrors, $"the job ended {job.Status}, not CompletedWithErrors ({job.StatusReason})");
        Expect(job.ProcessedRecords == job.TotalRecords, $"processed {job.ProcessedRecords} of {job.TotalRecords} records");
        Expect(job.FailedRecords == failures.Values.Sum(), $"the job counts {job.FailedRecords} failed records, the failure list has {failures.Values.Sum()}");
        Expect(Held("companies") == source.GetProperty("companies").GetInt64() - Failed(Phase.Companies), "Attio's companies are not the source's minus the failed ones");
        Expect(Held("people") == source.GetProperty("persons").GetInt64() - Failed(Phase.People), "Attio's people are not the source's persons minus the failed ones");
        Expect(Held("deals") == source.GetProperty("opportunities").GetInt64() - Failed(Phase.Deals), "Attio's deals are not the source's opportunities minus the failed ones");
        var written = job.TotalRecords - job.FailedRecords;
        var held = records.EnumerateObject().Sum(o => o.Value.GetInt64()) + counts.GetProperty("notes").GetProperty("total").GetInt64()
            + counts.GetProperty("entries").EnumerateObject().Sum(o => o.Value.GetInt64());
        Expect(held == written, $"Attio holds {held} records, notes and entries; the job wrote {written}");
        // Each failure is Attio refusing a record the dataset made invalid, or one that names a refused record (a person's
        // company, a deal's company or people, a note's or an entry's parent), which Attio refuses in turn.
        foreach (var ((phase, code), count) in failures)
        {
            Expect(ExpectedCodes(phase).Contains(code), $"{count} {phase} failed with {code}, not {string.Join(" or ", ExpectedCodes(phase))}");
        }

        long Rejections(string reason) => expected.GetProperty(reason).GetInt64();
        Expect(Failed(Phase.People, "validation_type") == Rejections("invalid_email"),
            $"{Failed(Phase.People, "validation_type")} people failed validation; the dataset has {Rejections("invalid_email")} invalid emails");
        Expect(Failed(Phase.Companies) == Rejections("unknown_dropdown_option"),
            $"{Failed(Phase.Companies)} companies failed; the dataset has {Rejections("unknown_dropdown_option")} with an unknown dropdown option");
        Expect(Failed(Phase.Deals) >= Rejections("missing_company_reference"),
            $"{Failed(Phase.Deals)} deals failed; the dataset has {Rejections("missing_company_reference")} with a missing company");
        Expect(Failed(Phase.Notes) >= Rejections("missing_parent_record"),
            $"{Failed(Phase.Notes)} notes failed; the dataset has {Rejections("missing_parent_record")} on a missing parent");
        Expect(duplicates.GetProperty("total").GetInt32() == 0, $"Attio reports {duplicates.GetProperty("total")} duplicates");

        var lines = new List<string>
        {
            $"source:    {source}",
            $"expected rejections: {expected}",
            $"attio:     {counts}",
            $"duplicates: {duplicates.GetProperty("total")}",
            "failures:  " + string.Join(", ", failures.OrderBy(pair => pair.Key.Phase).Select(pair => $"{pair.Key.Phase} {pair.Key.Code} {pair.Value}")),
        };
        return new Outcome(problems, lines);
    }

    private static string[] ExpectedCodes(Phase phase) => phase switch
    {
        Phase.People => ["validation_type", "value_not_found"],
        Phase.Companies or Phase.Deals => ["value_not_found"],
        _ => ["not_found"],
    };

    // Keyed by entity and Attio's error code; a failure on the source or mapping side keeps its origin in the code.
    private static async Task<Dictionary<(Phase Phase, string Code), long>> FailuresAsync(FailedRecordStore store, Job job, CancellationToken cancellationToken)
    {
        var failures = new Dictionary<(Phase, string), long>();
        for (var offset = 0; ; offset += 1000)
        {
            var page = await store.ListAsync(job.TenantId, job.Id, null, offset, 1000, cancellationToken);
            foreach (var failure in page.Items)
            {
                var key = (failure.Entity, failure.Origin == FailureOrigin.Target ? failure.ErrorCode : $"{failure.Origin}:{failure.ErrorCode}");
                failures[key] = failures.GetValueOrDefault(key) + 1;
            }

            if (offset + page.Items.Count >= page.Total || page.Items.Count == 0)
            {
                return failures;
            }
        }
    }
}
