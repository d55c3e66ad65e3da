using System.Text.Json;
using Freight.Connectors;
using Freight.Core.Engine;

namespace Freight.Core.Tests.Engine;

public sealed class RecordGateTests
{
    [Fact]
    public async Task A_record_naming_a_record_an_earlier_phase_still_writes_waits_until_that_one_is_finished()
    {
        var companies = new RecordGate();
        companies.Open(["c1", "c2"]);
        var people = Writes(companies);

        var waiting = people.ReferencesInFlight(Person("p1", companyIds: ["c2"]));

        Assert.NotNull(waiting);
        companies.Finish("c1");
        Assert.False(waiting.IsCompleted);
        companies.Finish("c2");
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void A_record_naming_only_finished_or_unknown_records_does_not_wait()
    {
        var companies = new RecordGate();
        companies.Open(["c1", "c2"]);
        companies.Finish("c1");
        var people = Writes(companies);

        Assert.Null(people.ReferencesInFlight(Person("p1", companyIds: ["c1", "c9"])));
        Assert.Null(Writes(new RecordGate()).ReferencesInFlight(Person("p2", companyIds: ["c2"])));
    }

    [Fact]
    public async Task References_in_custom_fields_and_a_notes_parent_are_waited_for_too()
    {
        var people = new RecordGate();
        people.Open(["p7", "p8"]);
        var companies = new RecordGate();
        companies.Open(["c3"]);
        var later = Writes(companies, people);
        var keyContact = new FieldValue("field-7", JsonSerializer.SerializeToElement("p7"));
        var deal = CanonicalJson.ToRecord("d1", new CanonicalDeal("d1", "Deal", ["c3"], [], null, null, [keyContact]));
        var note = CanonicalJson.ToRecord("n1:p8", new CanonicalNote("n1:p8", "n1", EntityKind.People, "p8", NoteContentFormat.PlainText, "hi", DateTimeOffset.UnixEpoch, null));

        var dealWaits = later.ReferencesInFlight(deal);
        var noteWaits = later.ReferencesInFlight(note);

        Assert.NotNull(dealWaits);
        Assert.NotNull(noteWaits);
        companies.Finish("c3");
        Assert.False(dealWaits.IsCompleted); // still the field's person
        people.Finish("p7");
        await dealWaits.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(noteWaits.IsCompleted);
        people.Finish("p8");
        await noteWaits.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Closing_a_phase_releases_records_waiting_for_ones_it_gave_up_on_and_opens_nothing_after()
    {
        var companies = new RecordGate();
        companies.Open(["c1"]);
        var waiting = Writes(companies).ReferencesInFlight(Person("p1", companyIds: ["c1"]));

        companies.Close();
        companies.Open(["c2"]);

        await waiting!.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(companies.IsEmpty);
        Assert.Null(companies.Pending("c2"));
    }

    [Fact]
    public void A_batch_taken_again_keeps_the_records_it_had_pending()
    {
        var gate = new RecordGate();
        gate.Open(["c1", "c2"]);
        var first = gate.Pending("c1");

        gate.Open(["c1", "c2"]);

        Assert.Same(first, gate.Pending("c1"));
        gate.Finish("c1");
        Assert.True(first!.IsCompleted);
        Assert.False(gate.IsEmpty);
    }

    private static PhaseWrites Writes(params RecordGate[] earlier) => new(new SemaphoreSlim(1), new RecordGate(), earlier);

    private static SourceRecord Person(string id, string[] companyIds) =>
        CanonicalJson.ToRecord(id, new CanonicalPerson(id, "Ada", "Lovelace", [], companyIds, []));
}
