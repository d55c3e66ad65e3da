using System.Text.Json;
using Freight.Sandbox.Faults;
using static Freight.Connectors.Tests.Attio.Canonical;

namespace Freight.Connectors.Tests.Attio;

public sealed class AttioFaultTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Under_transient_faults_every_write_ends_as_without_them_and_nothing_is_written_twice(int seed)
    {
        var records = Records();
        await using var calm = await AttioFixture.StartAsync();
        var expected = await MigrateAsync(calm, records);
        await using var faulty = await AttioFixture.StartAsync(FaultOptions.Transient(0.1, seed));

        var outcomes = await MigrateAsync(faulty, records);

        Assert.Equal(expected, outcomes);
        Assert.Equal(Counts(await calm.CountsAsync()), Counts(await faulty.CountsAsync()));
        var duplicates = await faulty.DuplicatesAsync();
        Assert.True(duplicates.GetProperty("records").GetArrayLength() == 0, duplicates.GetRawText());
        Assert.Equal(0, duplicates.GetProperty("notes").GetArrayLength());
        Assert.Equal(0, duplicates.GetProperty("entries").GetArrayLength());
        var faults = (await faulty.GetAsync("_sandbox/requests")).GetProperty("faults").GetProperty("by_kind");
        Assert.True(faults.GetProperty("dropped_after_processing").GetInt32() > 0, faults.GetRawText());
        Assert.Equal(117, expected.Count(o => o.StartsWith("Written", StringComparison.Ordinal)));
    }

    /// <summary>Writes every record as the engine would: a Transient is tried again, a note only after asking whether it landed.</summary>
    private static async Task<List<string>> MigrateAsync(AttioFixture attio, List<(EntityKind Kind, SourceRecord Record)> records)
    {
        await using var target = attio.Target(limited: false);
        await RetryAsync(attio, () => target.EnsureSchemaAsync(Schema(), CancellationToken.None));
        var outcomes = new List<string>();
        foreach (var (kind, record) in records)
        {
            var outcome = await RetryAsync(attio, async () =>
            {
                if (kind == EntityKind.Notes && await target.FindWrittenAsync(kind, record, CancellationToken.None) is not null)
                {
                    return "Written";
                }

                var result = await target.WriteAsync(kind, record, CancellationToken.None);
                return result switch
                {
                    WriteResult.Written => "Written",
                    WriteResult.Rejected rejected => $"Rejected {rejected.Origin} {rejected.Code}",
                    _ => throw new ConnectorException(((WriteResult.Transient)result).Message, stopsJob: false),
                };
            });
            outcomes.Add($"{outcome} {kind} {record.SourceId}");
        }

        return outcomes;
    }

    private static async Task<T> RetryAsync<T>(AttioFixture attio, Func<Task<T>> work)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await attio.Time.RunAsync(work());
            }
            catch (ConnectorException ex) when (!ex.StopsJob && attempt < 10)
            {
            }
        }
    }

    private static string Counts(JsonElement counts) =>
        $"{counts.GetProperty("records").GetRawText()} {counts.GetProperty("notes").GetRawText()} {counts.GetProperty("entries").GetRawText()}";

    /// <summary>30 companies, 30 people, 10 deals, 40 notes and 20 entries, a few of them rejected by Attio.</summary>
    private static List<(EntityKind Kind, SourceRecord Record)> Records()
    {
        var records = new List<(EntityKind, SourceRecord)>();
        for (var i = 1; i <= 30; i++)
        {
            records.Add((EntityKind.Companies, Company($"{i}", $"Company {i}", [i == 9 ? "co8.example" : $"co{i}.example"], Value(Industry, i == 7 ? "Retired" : "Fintech"))));
        }

        for (var i = 1; i <= 30; i++)
        {
            records.Add((EntityKind.People, Person($"{i}", "Person", $"{i}", [i == 5 ? "p5@" : $"p{i}@co{i}.example"], [$"{(i % 29) + 1}"])));
        }

        for (var i = 1; i <= 10; i++)
        {
            records.Add((EntityKind.Deals, Deal($"{i}", $"Deal {i}", [i == 10 ? "999" : $"{i}"], [$"{i}", $"{i + 1}"], "Lead", null)));
        }

        for (var i = 1; i <= 40; i++)
        {
            records.Add((EntityKind.Notes, Note($"{i}", i % 2 == 0 ? EntityKind.Companies : EntityKind.People, $"{(i % 30) + 1}", $"<p>Note {i}</p>", NoteContentFormat.Html)));
        }

        for (var i = 1; i <= 20; i++)
        {
            records.Add((EntityKind.ListEntries, Entry($"{i}", "1", EntityKind.Companies, $"{i}", Value(Status, "New"))));
        }

        return records;
    }
}
