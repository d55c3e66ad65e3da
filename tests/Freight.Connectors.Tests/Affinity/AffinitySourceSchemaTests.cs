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
    public async Task Select_options_are_exactly_the_options_each_field_defines_without_the_retired_one()
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
            ["Software", "Fintech", "Healthcare", "Energy", "Retail", "Logistics", "Media", "Education"],
            byId["field-1001"].Options);
        Assert.Contains(harness.Data.Companies, c => c.ExpectedRejection == Sandbox.Dataset.Rejection.UnknownDropdownOption);
        Assert.All(
            harness.Data.Fields.Where(f => f.Options.Count > 0),
            f => Assert.Equal(f.Options.Select(o => o.Text), byId[f.Id].Options));
    }

    [Fact]
    public async Task Options_come_from_the_dropdown_options_routes_over_every_page_and_no_records_are_scanned_for_them()
    {
        await using var harness = await AffinityHarness.StartAsync();

        var schema = await harness.Run(harness.Source(pageSize: 3, requestsPerMinute: 6000).ReadSchemaAsync(CancellationToken.None));

        var requests = await harness.RequestsAsync();
        string[] optionRoutes =
        [
            "GET /v2/companies/fields/{fieldId}/dropdown-options",
            "GET /v2/persons/fields/{fieldId}/dropdown-options",
            "GET /v2/lists/{listId}/fields/{fieldId}/dropdown-options",
        ];
        // Pages of 3: Industry 8 options (3 pages), Tags 6 (2), Seniority 5 (2); Status 4 (2), Relationship 3 (1), Stage 4 (2).
        Assert.Equal([5, 2, 5], optionRoutes.Select(route => requests.GetValueOrDefault(route)));
        Assert.Equal(0, requests.GetValueOrDefault("GET /v2/companies"));
        Assert.Equal(0, requests.GetValueOrDefault("GET /v2/lists/{listId}/list-entries"));
        Assert.Equal(["Lead", "In Progress", "Won 🎉", "Lost"], schema.Fields.Single(f => f.Id == "field-2201").Options);
        Assert.Equal(8, schema.Fields.Single(f => f.Id == "field-1001").Options.Count);
    }

    [Fact]
    public async Task The_list_associations_companies_and_persons_are_not_custom_fields()
    {
        await using var harness = await AffinityHarness.StartAsync();

        var schema = await harness.Run(harness.Source().ReadSchemaAsync(CancellationToken.None));

        Assert.DoesNotContain(schema.Fields, f => f.Id is "companies" or "persons");
        Assert.Equal(
            ["field-2201", "field-2202", "field-2203", "field-2204", "field-2205"],
            schema.Fields.Where(f => f.ListId == "3").Select(f => f.Id));
        Assert.Equal(["field-2101", "field-2102"], schema.Fields.Where(f => f.ListId == "2").Select(f => f.Id));
    }

    [Fact]
    public async Task Lists_are_the_workspaces_lists()
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
    }
}
