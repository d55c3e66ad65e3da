using System.Text.Json;
using static Freight.Connectors.Tests.Attio.Canonical;

namespace Freight.Connectors.Tests.Attio;

public sealed class AttioWriteTests
{
    [Fact]
    public async Task A_company_is_asserted_with_name_domains_and_each_custom_field()
    {
        await using var attio = await AttioFixture.StartAsync();
        await using var target = attio.Target();
        await target.EnsureSchemaAsync(Schema(), CancellationToken.None);
        await target.WrittenAsync(EntityKind.People, Person("5", "Ada", "Lovelace"));

        var written = await target.WrittenAsync(EntityKind.Companies, Company("1", "Acme", ["acme.com", "acme.io"],
            Value(Description, "Makes anvils"),
            Value(Employees, 42),
            Value(Founded, "2001-02-03T04:05:06Z"),
            Value(Industry, "Fintech"),
            Value(KeyContact, "5"),
            Value(Headquarters, new { street_address = "1 Market St", city = "San Francisco", state = "California", country = "United States" }),
            Value(Tags, new[] { "b2b", "ai" })));

        Assert.Empty(written.Warnings);
        var values = await attio.RecordAsync("companies", written.TargetId);
        Assert.Equal("1", values.GetProperty("affinity_id")[0].GetProperty("value").GetString());
        Assert.Equal("Acme", values.GetProperty("name")[0].GetProperty("value").GetString());
        Assert.Equal(["acme.com", "acme.io"], All(values, "domains", "domain"));
        Assert.Equal("Makes anvils", values.GetProperty("affinity_field_1")[0].GetProperty("value").GetString());
        Assert.Equal(42, values.GetProperty("affinity_field_2")[0].GetProperty("value").GetDouble());
        Assert.StartsWith("2001-02-03T04:05:06", values.GetProperty("affinity_field_3")[0].GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Equal("Fintech", values.GetProperty("affinity_field_4")[0].GetProperty("option").GetProperty("title").GetString());
        Assert.Equal("people", values.GetProperty("affinity_field_5")[0].GetProperty("target_object").GetString());
        Assert.Equal("1 Market St, San Francisco, California, United States", values.GetProperty("affinity_field_6")[0].GetProperty("line_1").GetString());
        Assert.Equal(["b2b", "ai"], values.GetProperty("affinity_field_7").EnumerateArray().Select(o => o.GetProperty("option").GetProperty("title").GetString()!).ToList());
    }

    [Fact]
    public async Task A_person_gets_the_full_name_emails_the_first_company_and_joined_numbers()
    {
        await using var attio = await AttioFixture.StartAsync();
        await using var target = attio.Target();
        await target.EnsureSchemaAsync(Schema(), CancellationToken.None);
        var acme = await target.WrittenAsync(EntityKind.Companies, Company("1", "Acme", ["acme.com"]));
        await target.WrittenAsync(EntityKind.Companies, Company("2", "Beta", ["beta.com"]));

        var written = await target.WrittenAsync(EntityKind.People, Person("9", "Grace", null, ["Grace@Acme.com", "grace@gmail.com"], ["1", "2"],
            Value(Portfolio, new[] { "2", "1" }), Value(CheckSizes, new[] { 25000, 50000.5 })));

        Assert.Equal(["Attio's company is single: person 9 refers to company 1, not to 2."], written.Warnings);
        var values = await attio.RecordAsync("people", written.TargetId);
        var name = values.GetProperty("name")[0];
        Assert.Equal(("Grace", "", "Grace"), (name.GetProperty("first_name").GetString(), name.GetProperty("last_name").GetString(), name.GetProperty("full_name").GetString()));
        Assert.Equal(["grace@acme.com", "grace@gmail.com"], All(values, "email_addresses", "email_address"));
        Assert.Equal(acme.TargetId, values.GetProperty("company")[0].GetProperty("target_record_id").GetString());
        Assert.Equal(2, values.GetProperty("affinity_field_8").GetArrayLength());
        Assert.Equal("25000; 50000.5", values.GetProperty("affinity_field_9")[0].GetProperty("value").GetString());
    }

    [Fact]
    public async Task A_reference_to_a_record_Attio_does_not_hold_yet_is_left_out_with_a_warning()
    {
        await using var attio = await AttioFixture.StartAsync();
        await using var target = attio.Target();
        await target.EnsureSchemaAsync(Schema(), CancellationToken.None);

        var written = await target.WrittenAsync(EntityKind.Companies, Company("1", "Acme", [], Value(KeyContact, "77")));

        Assert.Equal(["Field field-5 refers to people 77 that Attio does not hold (yet); those references were left out."], written.Warnings);
        Assert.Equal(0, (await attio.RecordAsync("companies", written.TargetId)).GetProperty("affinity_field_5").GetArrayLength());
    }

    [Fact]
    public async Task A_deal_gets_its_stage_owner_company_and_people()
    {
        await using var attio = await AttioFixture.StartAsync();
        await using var target = attio.Target();
        await target.EnsureSchemaAsync(Schema(), CancellationToken.None);
        var acme = await target.WrittenAsync(EntityKind.Companies, Company("1", "Acme"));
        var ada = await target.WrittenAsync(EntityKind.People, Person("5", "Ada", "Lovelace"));
        var owner = attio.Members[1].EmailAddress;

        var written = await target.WrittenAsync(EntityKind.Deals, Deal("3", "Acme – Seed round", ["1"], ["5"], "In Progress", owner));

        Assert.Empty(written.Warnings);
        var values = await attio.RecordAsync("deals", written.TargetId);
        Assert.Equal("Acme – Seed round", values.GetProperty("name")[0].GetProperty("value").GetString());
        Assert.Equal("In Progress", values.GetProperty("stage")[0].GetProperty("status").GetProperty("title").GetString());
        Assert.Equal(acme.TargetId, values.GetProperty("associated_company")[0].GetProperty("target_record_id").GetString());
        Assert.Equal(ada.TargetId, values.GetProperty("associated_people")[0].GetProperty("target_record_id").GetString());
        var members = await attio.GetAsync("v2/workspace_members");
        var ownerId = members.GetProperty("data").EnumerateArray().Single(m => m.GetProperty("email_address").GetString() == owner)
            .GetProperty("id").GetProperty("workspace_member_id").GetString();
        Assert.Equal(ownerId, values.GetProperty("owner")[0].GetProperty("referenced_actor_id").GetString());
    }

    [Fact]
    public async Task A_deal_whose_owner_is_not_a_member_and_stage_is_unknown_falls_back_with_warnings()
    {
        await using var attio = await AttioFixture.StartAsync();
        await using var target = attio.Target();
        await target.EnsureSchemaAsync(Schema(), CancellationToken.None);

        var written = await target.WrittenAsync(EntityKind.Deals, Deal("3", "Pilot #3", [], [], "Diligence", "someone@elsewhere.example"));

        var first = attio.Members[0].EmailAddress;
        Assert.Equal(
            [
                $"Owner someone@elsewhere.example of deal 3 is not an Attio workspace member; the deal is owned by {first}.",
                "Stage \"Diligence\" of deal 3 is not a stage of Attio's deals; the deal is in \"Lead\".",
            ],
            written.Warnings);
        var values = await attio.RecordAsync("deals", written.TargetId);
        Assert.Equal("Lead", values.GetProperty("stage")[0].GetProperty("status").GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_list_entry_is_asserted_on_its_parent_with_status_and_number()
    {
        await using var attio = await AttioFixture.StartAsync();
        await using var target = attio.Target();
        await target.EnsureSchemaAsync(Schema(), CancellationToken.None);
        var acme = await target.WrittenAsync(EntityKind.Companies, Company("1", "Acme"));

        var first = await target.WrittenAsync(EntityKind.ListEntries, Entry("11", "1", EntityKind.Companies, "1", Value(Status, "New")));
        var again = await target.WrittenAsync(EntityKind.ListEntries, Entry("11", "1", EntityKind.Companies, "1", Value(Status, "Interested"), Value(DealSize, 5000)));

        Assert.Equal(first.TargetId, again.TargetId);
        var entry = (await attio.GetAsync($"v2/lists/affinity_list_1/entries/{again.TargetId}")).GetProperty("data");
        Assert.Equal(acme.TargetId, entry.GetProperty("parent_record_id").GetString());
        Assert.Equal("Interested", entry.GetProperty("entry_values").GetProperty("affinity_field_20")[0].GetProperty("status").GetProperty("title").GetString());
        Assert.Equal(5000, entry.GetProperty("entry_values").GetProperty("affinity_field_21")[0].GetProperty("value").GetDouble());
        Assert.Equal(again.TargetId, await target.FindWrittenAsync(EntityKind.ListEntries, Entry("11", "1", EntityKind.Companies, "1"), CancellationToken.None));
    }

    [Fact]
    public async Task Writing_every_record_twice_leaves_the_same_counts_and_no_duplicates()
    {
        await using var attio = await AttioFixture.StartAsync();
        await using var target = attio.Target();
        await target.EnsureSchemaAsync(Schema(), CancellationToken.None);
        var records = Migration();
        var first = new List<string>();
        foreach (var (kind, record) in records)
        {
            first.Add((await target.WrittenAsync(kind, record)).TargetId);
        }

        var counts = (await attio.CountsAsync()).GetRawText();
        var second = new List<string>();
        foreach (var (kind, record) in records.Where(r => r.Kind != EntityKind.Notes))
        {
            second.Add((await target.WrittenAsync(kind, record)).TargetId);
        }

        Assert.Equal(first.Where((_, i) => records[i].Kind != EntityKind.Notes), second);
        Assert.Equal(counts, (await attio.CountsAsync()).GetRawText());
        var duplicates = await attio.DuplicatesAsync();
        Assert.Equal(0, duplicates.GetProperty("records").GetArrayLength() + duplicates.GetProperty("notes").GetArrayLength() + duplicates.GetProperty("entries").GetArrayLength());
        var recordCounts = (await attio.CountsAsync()).GetProperty("records");
        Assert.Equal((2, 2, 1), (recordCounts.GetProperty("companies").GetInt32(), recordCounts.GetProperty("people").GetInt32(), recordCounts.GetProperty("deals").GetInt32()));
    }

    /// <summary>A small migration in phase order: companies, people, deals, notes, list entries.</summary>
    internal static List<(EntityKind Kind, SourceRecord Record)> Migration() =>
    [
        (EntityKind.Companies, Company("1", "Acme", ["acme.com"], Value(Industry, "Health"))),
        (EntityKind.Companies, Company("2", "Beta", ["beta.com", "beta.io"])),
        (EntityKind.People, Person("1", "Ada", "Lovelace", ["ada@acme.com"], ["1"])),
        (EntityKind.People, Person("2", "Alan", "Turing", ["alan@beta.com", "alan@gmail.com"], ["2"], Value(Portfolio, new[] { "1" }))),
        (EntityKind.Deals, Deal("1", "Acme – Upsell", ["1"], ["1", "2"], "Won 🎉", null)),
        (EntityKind.Notes, Note("1", EntityKind.Companies, "1", "<p>Met the <strong>founders</strong></p>", NoteContentFormat.Html)),
        (EntityKind.ListEntries, Entry("1", "1", EntityKind.Companies, "2", Value(Status, "Closed"))),
        (EntityKind.ListEntries, Entry("2", "3", EntityKind.Deals, "1", Value(Stage, "Diligence"))),
    ];

    private static List<string> All(JsonElement values, string slug, string field) =>
        [.. values.GetProperty(slug).EnumerateArray().Select(v => v.GetProperty(field).GetString()!)];
}
