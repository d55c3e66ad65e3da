namespace Freight.Connectors.Tests.Affinity;

public sealed class AffinitySourceSchemaTests
{
    [Fact]
    public async Task Global_and_list_fields_map_to_canonical_types()
    {
        await using var harness = await AffinityHarness.StartAsync();

        var schema = await harness.Run(harness.Source().ReadSchemaAsync(CancellationToken.None));

        Assert.Equal(26, schema.Fields.Count);
        var byId = schema.Fields.ToDictionary(f => f.Id);
        Assert.Equal(
            [
                ("field-1001", FieldType.Select, false, EntityKind.Companies, (string?)null),
                ("field-1002", FieldType.Number, false, EntityKind.Companies, null),
                ("field-1003", FieldType.Date, false, EntityKind.Companies, null),
                ("field-1004", FieldType.Location, false, EntityKind.Companies, null),
                ("field-1005", FieldType.Text, false, EntityKind.Companies, null),
                ("field-1006", FieldType.Person, false, EntityKind.Companies, null),
                ("field-1007", FieldType.Select, true, EntityKind.Companies, null),
                ("field-1008", FieldType.Person, true, EntityKind.Companies, null),
                ("field-1009", FieldType.Location, true, EntityKind.Companies, null),
                ("field-1105", FieldType.Company, false, EntityKind.People, null),
                ("field-1106", FieldType.Company, true, EntityKind.People, null),
                ("field-1107", FieldType.Number, true, EntityKind.People, null),
                ("field-2001", FieldType.RankedSelect, false, EntityKind.Companies, "1"),
                ("field-2101", FieldType.Select, false, EntityKind.People, "2"),
                ("field-2201", FieldType.RankedSelect, false, EntityKind.Deals, "3"),
                ("field-2205", FieldType.Person, true, EntityKind.Deals, "3"),
            ],
            new[] { "field-1001", "field-1002", "field-1003", "field-1004", "field-1005", "field-1006", "field-1007", "field-1008",
                "field-1009", "field-1105", "field-1106", "field-1107", "field-2001", "field-2101", "field-2201", "field-2205" }
                .Select(id => (id, byId[id].Type, byId[id].Multiple, byId[id].Entity, byId[id].ListId)));
        Assert.Equal("Industry", byId["field-1001"].Name);
        Assert.Empty(byId["field-1002"].Options);
    }

    [Fact]
    public async Task Select_options_are_the_values_options_by_rank_or_option_id()
    {
        await using var harness = await AffinityHarness.StartAsync();

        var schema = await harness.Run(harness.Source().ReadSchemaAsync(CancellationToken.None));

        var byId = schema.Fields.ToDictionary(f => f.Id);
        Assert.Equal(["New", "Interested", "Diligence", "Passed"], byId["field-2001"].Options);
        Assert.Equal(["Lead", "In Progress", "Won 🎉", "Lost"], byId["field-2201"].Options);
        Assert.Equal(["Intern", "Associate", "Manager", "Director", "C-level"], byId["field-1102"].Options);
        Assert.Equal(["Warm", "Cold", "Champion"], byId["field-2101"].Options);
        Assert.Equal(["B2B", "B2C", "SaaS", "Marketplace", "Hardware", "Open source"], byId["field-1007"].Options);
        Assert.Equal(
            ["Software", "Fintech", "Healthcare", "Energy", "Retail", "Logistics", "Media", "Education", "Biotech (retired)"],
            byId["field-1001"].Options);
    }

    [Fact]
    public async Task Lists_and_users_are_the_workspaces_lists_and_internal_persons()
    {
        await using var harness = await AffinityHarness.StartAsync();

        var schema = await harness.Run(harness.Source().ReadSchemaAsync(CancellationToken.None));

        Assert.Equal(
            harness.Data.Lists.OrderBy(l => l.Id).Select(l => new ListDefinition(
                l.Id.ToString(), l.Name, l.Type switch
                {
                    Sandbox.Dataset.EntityType.Company => EntityKind.Companies,
                    Sandbox.Dataset.EntityType.Person => EntityKind.People,
                    _ => EntityKind.Deals,
                })),
            schema.Lists);
        var internals = harness.Data.Persons.Where(p => p.Type == Sandbox.Dataset.PersonType.Internal).ToList();
        Assert.Equal(10, internals.Count);
        Assert.Equal(
            internals.Select(p => new SourceUser(p.Id.ToString(), $"{p.FirstName} {p.LastName}".Trim(), p.PrimaryEmailAddress)),
            schema.Users);
    }
}
