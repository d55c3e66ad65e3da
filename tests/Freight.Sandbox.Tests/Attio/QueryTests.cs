using System.Text.Json;

namespace Freight.Sandbox.Tests.Attio;

public sealed class QueryTests
{
    private static async Task<(AttioHarness Harness, string Acme, string Ada, string Bob)> SeedAsync()
    {
        var harness = await AttioHarness.StartAsync();
        await harness.PostAsync("v2/objects/people/attributes", SchemaTests.AffinityIdAttribute);
        var acme = await harness.CreateAsync("companies", """{"name":"Acme","domains":["acme.com"]}""");
        var ada = await harness.CreateAsync("people",
            """{"affinity_id":"p-1","email_addresses":["ada@acme.com"],"name":"Lovelace, Ada","job_title":"CTO","company":"acme.com"}""");
        var bob = await harness.CreateAsync("people", """{"affinity_id":"p-2","email_addresses":["bob@initech.com"],"name":"Babbage, Bob"}""");
        await harness.CreateAsync("people", """{"affinity_id":"p-3","name":"Cher"}""");
        return (harness, acme, ada, bob);
    }

    private static List<string?> Ids(Reply reply) =>
        [.. reply.Data.EnumerateArray().Select(r => r.GetProperty("id").GetProperty("record_id").GetString())];

    [Theory]
    [InlineData("""{"email_addresses":"ADA@acme.com"}""", 1)]
    [InlineData("""{"email_addresses":{"email_address":{"$eq":"bob@initech.com"}}}""", 2)]
    [InlineData("""{"name":"Ada Lovelace"}""", 1)]
    [InlineData("""{"name":{"last_name":{"$eq":"Babbage"}}}""", 2)]
    [InlineData("""{"affinity_id":"p-2"}""", 2)]
    [InlineData("""{"affinity_id":{"$eq":"p-1"}}""", 1)]
    [InlineData("""{"affinity_id":{"$in":["p-2","p-9"]}}""", 2)]
    [InlineData("""{"email_addresses":{"$in":["nobody@x.example","BOB@initech.com"]}}""", 2)]
    [InlineData("""{"job_title":{"value":{"$contains":"ct"}}}""", 1)]
    [InlineData("""{"email_addresses":{"email_domain":{"$ends_with":"initech.com"}}}""", 2)]
    public async Task Shorthand_and_verbose_equality_find_the_record(string filter, int expected)
    {
        var (harness, _, ada, bob) = await SeedAsync();
        await using var _ = harness;

        var reply = await harness.PostAsync("v2/objects/people/records/query", $"{{\"filter\":{filter}}}");

        Assert.Equal(200, reply.Status);
        Assert.Equal([expected == 1 ? ada : bob], Ids(reply));
    }

    [Fact]
    public async Task Record_references_and_logical_operators_filter()
    {
        var (harness, acme, ada, bob) = await SeedAsync();
        await using var _ = harness;

        var byCompany = await harness.PostAsync("v2/objects/people/records/query",
            $"{{\"filter\":{{\"company\":{AttioHarness.Reference("companies", acme)}}}}}");
        var byCompanyId = await harness.PostAsync("v2/objects/people/records/query",
            $"{{\"filter\":{{\"company\":{{\"target_record_id\":{{\"$in\":[\"{acme}\"]}}}}}}}}");
        var either = await harness.PostAsync("v2/objects/people/records/query",
            """{"filter":{"$or":[{"affinity_id":"p-1"},{"affinity_id":"p-2"}]}}""");
        var both = await harness.PostAsync("v2/objects/people/records/query",
            """{"filter":{"$and":[{"affinity_id":{"$in":["p-1","p-2"]}},{"job_title":{"$not_empty":true}}]}}""");
        var withoutEmail = await harness.PostAsync("v2/objects/people/records/query", """{"filter":{"email_addresses":{"$not_empty":false}}}""");
        var byRecordId = await harness.PostAsync("v2/objects/people/records/query",
            $"{{\"filter\":{{\"record_id\":{{\"$in\":[\"{bob}\"]}}}}}}");

        Assert.Equal([ada], Ids(byCompany));
        Assert.Equal([ada], Ids(byCompanyId));
        Assert.Equal([ada, bob], Ids(either));
        Assert.Equal([ada], Ids(both));
        Assert.Single(Ids(withoutEmail));
        Assert.Equal([bob], Ids(byRecordId));
    }

    [Fact]
    public async Task Paging_with_limit_and_offset_reaches_the_end_in_creation_order()
    {
        await using var harness = await AttioHarness.StartAsync();
        var created = new List<string?>();
        for (var i = 0; i < 7; i++)
        {
            created.Add(await harness.CreateAsync("companies", $"{{\"name\":\"Company {i}\"}}"));
        }

        var seen = new List<string?>();
        var pages = new List<int>();
        for (var offset = 0; ; offset += 3)
        {
            var page = await harness.PostAsync("v2/objects/companies/records/query", $"{{\"limit\":3,\"offset\":{offset}}}");
            Assert.False(page.Body.TryGetProperty("pagination", out _));
            pages.Add(page.Data.GetArrayLength());
            seen.AddRange(Ids(page));
            if (page.Data.GetArrayLength() < 3)
            {
                break;
            }
        }

        Assert.Equal([3, 3, 1], pages);
        Assert.Equal(created, seen);
        Assert.Equal(7, (await harness.PostAsync("v2/objects/companies/records/query", "{}")).Data.GetArrayLength());
        Assert.Empty(Ids(await harness.PostAsync("v2/objects/companies/records/query", """{"offset":50}""")));
    }

    [Fact]
    public async Task The_default_limit_is_500()
    {
        await using var harness = await AttioHarness.StartAsync(new Freight.Sandbox.Attio.AttioSimulatorOptions { Speed = 100 });
        var ids = new List<string>();
        for (var i = 0; i < 501; i++)
        {
            ids.Add((await harness.PostAsync("v2/objects/companies/records", $"{{\"data\":{{\"values\":{{\"name\":\"C{i}\"}}}}}}")).Status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var page = await harness.PostAsync("v2/objects/companies/records/query", "{}");
        var filtered = await harness.PostAsync("v2/objects/companies/records/query", """{"filter":{"name":{"$starts_with":"C"}}}""");

        Assert.All(ids, status => Assert.Equal("200", status));
        Assert.Equal(500, page.Data.GetArrayLength());
        Assert.Equal(500, filtered.Data.GetArrayLength());
    }

    [Fact]
    public async Task Sorts_order_by_an_attribute_field()
    {
        var (harness, _, ada, bob) = await SeedAsync();
        await using var _ = harness;

        var reply = await harness.PostAsync("v2/objects/people/records/query",
            """{"sorts":[{"direction":"desc","attribute":"name","field":"last_name"}],"limit":2}""");

        Assert.Equal([ada, bob], Ids(reply));
    }

    [Theory]
    [InlineData("""{"filter":{"shoe_size":"42"}}""", "filter_error")]
    [InlineData("""{"filter":{"$xor":[]}}""", "filter_error")]
    [InlineData("""{"filter":{"name":{"$like":"A%"}}}""", "filter_error")]
    [InlineData("""{"filter":{"$and":{}}}""", "filter_error")]
    [InlineData("""{"filter":[]}""", "validation_type")]
    [InlineData("""{"limit":-1}""", "validation_type")]
    [InlineData("""{"limit":"10"}""", "validation_type")]
    [InlineData("""{"offset":1.5}""", "validation_type")]
    [InlineData("""{"sorts":[{"direction":"up","attribute":"name"}]}""", "validation_type")]
    [InlineData("[]", "validation_type")]
    public async Task Bad_queries_are_refused(string body, string code)
    {
        var (harness, _, _, _) = await SeedAsync();
        await using var _ = harness;

        (await harness.PostAsync("v2/objects/people/records/query", body)).AssertError(400, code);
    }

    [Fact]
    public async Task A_unique_in_finds_each_record_once_in_creation_order()
    {
        var (harness, _, ada, bob) = await SeedAsync();
        await using var _ = harness;

        var reply = await harness.PostAsync("v2/objects/people/records/query", """{"filter":{"affinity_id":{"$in":["p-2","p-1","p-2"]}}}""");

        Assert.Equal([ada, bob], Ids(reply));
    }

    [Fact]
    public async Task A_unique_equality_that_no_value_could_match_finds_nothing()
    {
        var (harness, _, _, _) = await SeedAsync();
        await using var _ = harness;

        var reply = await harness.PostAsync("v2/objects/people/records/query", """{"filter":{"email_addresses":"not an email"}}""");

        Assert.Equal(JsonValueKind.Array, reply.Data.ValueKind);
        Assert.Empty(Ids(reply));
    }
}
