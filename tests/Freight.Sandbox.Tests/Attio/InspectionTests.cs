using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Freight.Sandbox.Attio;
using Freight.Sandbox.Inspection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Freight.Sandbox.Tests.Attio;

public sealed class InspectionTests
{
    [Fact]
    public async Task Counts_give_records_per_object_notes_and_entries_per_list_without_auth()
    {
        await using var harness = await AttioHarness.StartAsync();
        await harness.PostAsync("v2/lists", ListTests.Pipeline);
        var acme = await harness.CreateAsync("companies", """{"name":"Acme"}""");
        var ada = await harness.CreateAsync("people", """{"name":"Ada"}""");
        await harness.PostAsync("v2/lists/pipeline/entries", $"{{\"data\":{{\"parent_record_id\":\"{acme}\",\"parent_object\":\"companies\",\"entry_values\":{{}}}}}}");
        await harness.PostAsync("v2/notes", NoteOn("companies", acme));
        await harness.PostAsync("v2/notes", NoteOn("people", ada));
        await harness.PostAsync("v2/notes", NoteOn("people", ada, "Second"));
        harness.Client.DefaultRequestHeaders.Authorization = null;

        var counts = await harness.GetAsync("_sandbox/counts");

        Assert.Equal(200, counts.Status);
        Assert.Equal("""{"people":1,"companies":1,"deals":0,"users":0,"workspaces":0}""", counts.Body.GetProperty("records").GetRawText());
        Assert.Equal(3, counts.Body.GetProperty("notes").GetProperty("total").GetInt32());
        Assert.Equal(2, counts.Body.GetProperty("notes").GetProperty("by_parent_object").GetProperty("people").GetInt32());
        Assert.Equal("""{"pipeline":1}""", counts.Body.GetProperty("entries").GetRawText());
    }

    [Fact]
    public async Task Duplicates_report_what_was_written_twice_even_where_Attio_allows_it_but_not_shared_field_values()
    {
        await using var harness = await AttioHarness.StartAsync();
        await harness.PostAsync("v2/lists", ListTests.Pipeline);
        await harness.PostAsync("v2/objects/companies/attributes", """
            {"data":{"title":"Affinity org","description":null,"api_slug":"affinity_org_id","type":"number","is_required":false,"is_unique":false,"is_multiselect":false,"config":{}}}
            """);
        await harness.PostAsync("v2/objects/companies/attributes", """
            {"data":{"title":"Sector","description":null,"api_slug":"affinity_field_1001","type":"text","is_required":false,"is_unique":false,"is_multiselect":false,"config":{}}}
            """);
        var acme = await harness.CreateAsync("companies", """{"name":"Acme","affinity_org_id":7,"affinity_field_1001":"Fintech"}""");
        var acme2 = await harness.CreateAsync("companies", """{"name":"Acme again","affinity_org_id":7}""");
        await harness.CreateAsync("companies", """{"name":"Other","affinity_org_id":8,"affinity_field_1001":"Fintech"}""");
        var entry = $"{{\"data\":{{\"parent_record_id\":\"{acme}\",\"parent_object\":\"companies\",\"entry_values\":{{}}}}}}";
        await harness.PostAsync("v2/lists/pipeline/entries", entry);
        await harness.PostAsync("v2/lists/pipeline/entries", entry);
        await harness.PostAsync("v2/notes", NoteOn("companies", acme));
        await harness.PostAsync("v2/notes", NoteOn("companies", acme));
        await harness.PostAsync("v2/notes", NoteOn("companies", acme2));

        var report = (await harness.GetAsync("_sandbox/duplicates")).Body;

        Assert.Equal(3, report.GetProperty("total").GetInt32());
        var record = Assert.Single(report.GetProperty("records").EnumerateArray().ToList());
        Assert.Equal("affinity_org_id", record.GetProperty("attribute").GetString());
        Assert.Equal("7", record.GetProperty("value").GetString());
        Assert.Equal([acme, acme2], record.GetProperty("record_ids").EnumerateArray().Select(i => i.GetString()));
        var note = Assert.Single(report.GetProperty("notes").EnumerateArray().ToList());
        Assert.Equal(acme, note.GetProperty("parent_record_id").GetString());
        Assert.Equal(2, note.GetProperty("note_ids").GetArrayLength());
        var duplicateEntry = Assert.Single(report.GetProperty("entries").EnumerateArray().ToList());
        Assert.Equal("pipeline", duplicateEntry.GetProperty("list").GetString());
        Assert.Equal(2, duplicateEntry.GetProperty("entry_ids").GetArrayLength());
    }

    [Fact]
    public async Task A_clean_workspace_reports_no_duplicates()
    {
        await using var harness = await AttioHarness.StartAsync();
        await harness.CreateAsync("people", """{"email_addresses":["a@example.com"]}""");
        await harness.CreateAsync("people", """{"email_addresses":["b@example.com"]}""");

        var report = (await harness.GetAsync("_sandbox/duplicates")).Body;

        Assert.Equal(0, report.GetProperty("total").GetInt32());
        Assert.Equal("[]", report.GetProperty("records").GetRawText());
    }

    [Fact]
    public async Task Reset_drops_everything_written_and_restores_the_standard_schema_with_its_ids()
    {
        await using var host = await ResettableHost.StartAsync();
        var objectsBefore = await host.GetAsync("v2/objects");
        var firstId = await CreateCompanyAsync(host);
        await host.SendAsync(HttpMethod.Post, "v2/objects/people/attributes", SchemaTests.AffinityIdAttribute);
        await host.SendAsync(HttpMethod.Post, "v2/lists", ListTests.Pipeline);

        Assert.Equal(HttpStatusCode.NoContent, (await host.Client.PostAsync("_sandbox/reset", null)).StatusCode);

        Assert.Equal(objectsBefore, await host.GetAsync("v2/objects"));
        Assert.Contains("\"companies\":0", await host.GetAsync("_sandbox/counts"), StringComparison.Ordinal);
        Assert.Contains("\"data\":[]", await host.GetAsync("v2/lists"), StringComparison.Ordinal);
        Assert.DoesNotContain("affinity_id", await host.GetAsync("v2/objects/people/attributes"), StringComparison.Ordinal);
        Assert.Equal(firstId, await CreateCompanyAsync(host));
    }

    private static async Task<string> CreateCompanyAsync(ResettableHost host)
    {
        var text = await host.SendAsync(HttpMethod.Post, "v2/objects/companies/records", """{"data":{"values":{"name":"Acme"}}}""");
        return JsonDocument.Parse(text).RootElement.GetProperty("data").GetProperty("id").GetProperty("record_id").GetString()!;
    }

    private static string NoteOn(string parentObject, string parentId, string title = "T") =>
        $"{{\"data\":{{\"parent_object\":\"{parentObject}\",\"parent_record_id\":\"{parentId}\",\"title\":\"{title}\",\"format\":\"plaintext\",\"content\":\"C\",\"created_at\":\"2024-01-01T00:00:00Z\"}}}}";

    /// <summary>A host of its own, as <c>freight sandbox</c> builds one: AddAttio, MapAttio and a reset route over every resettable.</summary>
    private sealed class ResettableHost : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private ResettableHost(WebApplication app, HttpClient client)
        {
            _app = app;
            Client = client;
        }

        public HttpClient Client { get; }

        public static async Task<ResettableHost> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.Services.AddAttio(new AttioSimulatorOptions());
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            app.MapAttio();
            app.MapPost("/_sandbox/reset", (IEnumerable<ISandboxResettable> resettables) =>
            {
                foreach (var resettable in resettables)
                {
                    resettable.Reset();
                }

                return Results.NoContent();
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            var client = new HttpClient { BaseAddress = new Uri(address + "/"), Timeout = TimeSpan.FromSeconds(10) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "attio-sandbox-key");
            return new ResettableHost(app, client);
        }

        public async Task<string> GetAsync(string url) => await (await Client.GetAsync(url)).Content.ReadAsStringAsync();

        public async Task<string> SendAsync(HttpMethod method, string url, string json)
        {
            using var request = new HttpRequestMessage(method, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            using var response = await Client.SendAsync(request);
            return await response.Content.ReadAsStringAsync();
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
