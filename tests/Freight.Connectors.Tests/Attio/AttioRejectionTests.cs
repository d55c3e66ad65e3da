using static Freight.Connectors.Tests.Attio.Canonical;

namespace Freight.Connectors.Tests.Attio;

public sealed class AttioRejectionTests
{
    [Theory]
    [InlineData("ada@")]
    [InlineData("ada@@acme.com")]
    [InlineData("ada lovelace@acme.com")]
    [InlineData("ada.acme.com")]
    public async Task A_person_with_a_malformed_email_is_rejected_by_Attio_as_validation_type(string email)
    {
        await using var attio = await AttioFixture.StartAsync();
        await using var target = attio.Target();
        await target.EnsureSchemaAsync(Schema(), CancellationToken.None);

        var rejected = await target.RejectedAsync(EntityKind.People, Person("1", "Ada", "Lovelace", [email]));

        Assert.Equal((RejectionOrigin.Target, "validation_type", false), (rejected.Origin, rejected.Code, rejected.Retryable));
        Assert.Equal(0, (await attio.CountsAsync()).GetProperty("records").GetProperty("people").GetInt32());
    }

    [Fact]
    public async Task A_company_with_an_option_the_field_does_not_define_is_rejected_as_value_not_found()
    {
        await using var attio = await AttioFixture.StartAsync();
        await using var target = attio.Target();
        await target.EnsureSchemaAsync(Schema(), CancellationToken.None);

        var rejected = await target.RejectedAsync(EntityKind.Companies, Company("1", "Acme", ["acme.com"], Value(Industry, "Retired industry")));

        Assert.Equal((RejectionOrigin.Target, "value_not_found", false), (rejected.Origin, rejected.Code, rejected.Retryable));
    }

    [Fact]
    public async Task A_deal_referencing_a_company_Attio_does_not_hold_is_rejected_as_value_not_found()
    {
        await using var attio = await AttioFixture.StartAsync();
        await using var target = attio.Target();
        await target.EnsureSchemaAsync(Schema(), CancellationToken.None);

        var rejected = await target.RejectedAsync(EntityKind.Deals, Deal("1", "Pilot", ["999999"], [], null, null));

        Assert.Equal((RejectionOrigin.Target, "value_not_found", false), (rejected.Origin, rejected.Code, rejected.Retryable));
        Assert.Equal(0, (await attio.CountsAsync()).GetProperty("records").GetProperty("deals").GetInt32());
    }

    [Fact]
    public async Task A_note_on_a_parent_Attio_does_not_hold_is_rejected_as_not_found()
    {
        await using var attio = await AttioFixture.StartAsync();
        await using var target = attio.Target();
        await target.EnsureSchemaAsync(Schema(), CancellationToken.None);

        var rejected = await target.RejectedAsync(EntityKind.Notes, Note("4", EntityKind.People, "999999", "Lost note"));

        Assert.Equal((RejectionOrigin.Target, "not_found", false), (rejected.Origin, rejected.Code, rejected.Retryable));
        Assert.Equal("Note 4:999999: its parent, people 999999, is not in Attio (no record has affinity_id 999999).", rejected.Message);
    }

    [Fact]
    public async Task An_entry_of_a_list_the_schema_does_not_know_is_a_mapping_rejection()
    {
        await using var attio = await AttioFixture.StartAsync();
        await using var target = attio.Target();
        await target.EnsureSchemaAsync(Schema(), CancellationToken.None);

        var rejected = await target.RejectedAsync(EntityKind.ListEntries, Entry("1", "42", EntityKind.Companies, "1"));

        Assert.Equal((RejectionOrigin.Mapping, "unknown_list"), (rejected.Origin, rejected.Code));
    }

    [Fact]
    public async Task A_payload_that_is_not_a_canonical_record_is_a_source_rejection()
    {
        await using var attio = await AttioFixture.StartAsync();
        await using var target = attio.Target();
        await target.EnsureSchemaAsync(Schema(), CancellationToken.None);

        var rejected = await target.RejectedAsync(EntityKind.Companies, new SourceRecord("1", "[1,2]"u8.ToArray()));

        Assert.Equal((RejectionOrigin.Source, "invalid_payload"), (rejected.Origin, rejected.Code));
    }

    [Fact]
    public async Task A_domain_held_by_another_company_is_left_out_with_a_warning_naming_both()
    {
        await using var attio = await AttioFixture.StartAsync();
        await using var target = attio.Target();
        await target.EnsureSchemaAsync(Schema(), CancellationToken.None);
        var first = await target.WrittenAsync(EntityKind.Companies, Company("1", "Acme", ["acme.com"]));

        var second = await target.WrittenAsync(EntityKind.Companies, Company("2", "Acme Labs", ["Acme.com", "acmelabs.com"]));
        var again = await target.WrittenAsync(EntityKind.Companies, Company("2", "Acme Labs", ["Acme.com", "acmelabs.com"]));

        var warning = $"The domain acme.com of companies 2 is already held by companies 1 (Attio record {first.TargetId}); "
            + "companies 2 was written without it (the two records are not merged).";
        Assert.Equal([warning], second.Warnings);
        Assert.Equal([warning], again.Warnings);
        Assert.NotEqual(first.TargetId, second.TargetId);
        Assert.Equal(second.TargetId, again.TargetId);
        Assert.Equal("acme.com", (await attio.RecordAsync("companies", first.TargetId)).GetProperty("domains")[0].GetProperty("domain").GetString());
        var domains = (await attio.RecordAsync("companies", second.TargetId)).GetProperty("domains");
        Assert.Equal(["acmelabs.com"], domains.EnumerateArray().Select(d => d.GetProperty("domain").GetString()!).ToList());
        Assert.Equal(2, (await attio.CountsAsync()).GetProperty("records").GetProperty("companies").GetInt32());
    }

    [Fact]
    public async Task An_email_held_by_another_person_is_left_out_with_a_warning_naming_both()
    {
        await using var attio = await AttioFixture.StartAsync();
        await using var target = attio.Target();
        await target.EnsureSchemaAsync(Schema(), CancellationToken.None);
        var first = await target.WrittenAsync(EntityKind.People, Person("1", "Ada", "Lovelace", ["ada@acme.com"]));

        var second = await target.WrittenAsync(EntityKind.People, Person("2", "Ada", "King", ["ada@acme.com"]));

        Assert.Equal(
            [$"The email ada@acme.com of people 2 is already held by people 1 (Attio record {first.TargetId}); people 2 was written without it (the two records are not merged)."],
            second.Warnings);
        Assert.Equal(0, (await attio.RecordAsync("people", second.TargetId)).GetProperty("email_addresses").GetArrayLength());
        Assert.Equal(2, (await attio.CountsAsync()).GetProperty("records").GetProperty("people").GetInt32());
    }

    [Fact]
    public async Task A_bad_key_fails_the_credential_check_and_stops_the_job_on_write()
    {
        await using var attio = await AttioFixture.StartAsync();
        await using var good = attio.Target();
        await good.EnsureSchemaAsync(Schema(), CancellationToken.None);
        await using var target = attio.Target(apiKey: "not-the-key");

        var check = await target.VerifyCredentialsAsync(CancellationToken.None);
        var schemaError = await Assert.ThrowsAsync<ConnectorException>(() => target.EnsureSchemaAsync(Schema(), CancellationToken.None));

        Assert.Equal(new CredentialCheck(false, "Attio refused the API key: the token is not active."), check);
        Assert.True(schemaError.StopsJob);
        Assert.StartsWith("Attio refused the API key (401 unauthorized", schemaError.Message, StringComparison.Ordinal);
        Assert.Contains("Fix the Attio API key or give it the scopes", schemaError.Message, StringComparison.Ordinal);
        Assert.Equal(CredentialCheck.Ok, await good.VerifyCredentialsAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData(EntityKind.Companies)]
    [InlineData(EntityKind.Notes)]
    public async Task A_key_refused_mid_job_stops_the_job_on_write(EntityKind kind)
    {
        await using var attio = await AttioFixture.StartAsync();
        await using var good = attio.Target();
        await good.EnsureSchemaAsync(Schema(), CancellationToken.None);
        await good.WrittenAsync(EntityKind.Companies, Company("1", "Acme"));
        await using var revoked = attio.Target(apiKey: "revoked-key");
        revoked.SchemaMap = good.SchemaMap;
        var record = kind == EntityKind.Companies ? Company("2", "Beta") : Note("1", EntityKind.Companies, "1", "Hello");

        var error = await Assert.ThrowsAsync<ConnectorException>(() => revoked.WriteAsync(kind, record, CancellationToken.None));

        Assert.True(error.StopsJob);
        Assert.StartsWith("Attio refused the API key (401 unauthorized", error.Message, StringComparison.Ordinal);
    }
}
