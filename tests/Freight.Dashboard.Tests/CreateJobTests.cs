using System.Net.Http.Json;
using System.Text.Json;
using Freight.Sandbox.Affinity;
using Freight.Sandbox.Attio;
using Freight.Sandbox.Dataset;

namespace Freight.Dashboard.Tests;

/// <summary>
/// The create form: the API's 422 beside its field, and a real job, created through the form against the
/// simulators with the worker on a real clock, followed on its page to the end.
/// </summary>
public sealed class CreateJobTests(Chromium chromium, ITestOutputHelper output) : IClassFixture<Chromium>
{
    [Fact]
    public async Task A_422_from_the_form_shows_each_message_beside_its_field()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        await using var dashboard = await chromium.SignedInAsync(server.BaseAddress, key, output);
        if (dashboard is null)
        {
            return;
        }

        await dashboard.GotoAsync("#/new");
        var page = dashboard.Page;
        await page.GetByLabel("Base URL (optional)").First.FillAsync("http://10.1.2.3");
        await page.GetByLabel("API key").First.FillAsync("affinity-key");
        await page.GetByLabel("API key").Nth(1).FillAsync("attio-key");
        await page.GetByLabel("Batch size").FillAsync("50");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create job" }).ClickAsync();

        await Expect(page.Locator("#error-batch_size")).ToHaveTextAsync("batch_size must be a whole number from 100 to 10000.");
        await Expect(dashboard.Notice.Locator(".message")).ToHaveTextAsync("batch_size must be a whole number from 100 to 10000.");
        await Expect(dashboard.Notice.Locator(".request-id")).ToContainTextAsync("req_");
        await page.GetByLabel("Batch size").FillAsync("100");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create job" }).ClickAsync();

        // The connectors check the configs once the other fields are valid.
        await Expect(page.Locator("#error-source_config\\.base_url")).ToContainTextAsync("source_config.base_url: ");
        await Expect(page.Locator("#error-batch_size")).ToBeEmptyAsync();
        await Expect(page.Locator("#error-target_config\\.base_url")).ToBeEmptyAsync();
        using var client = server.Tenant(key);
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/api/v1/jobs")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_job_created_through_the_form_runs_to_the_end_with_live_progress()
    {
        var data = SandboxDataset.Generate(5, 10);
        await using var affinity = await AffinitySimulator.StartAsync(data, new AffinitySimulatorOptions { Speed = 1000 });
        await using var attio = await AttioSimulator.StartAsync(new AttioSimulatorOptions { Speed = 1000, WorkspaceMembers = AttioSimulatorOptions.MembersFrom(data) });
        await using var server = await ApiServer.StartWithWorkerAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        await using var dashboard = await chromium.SignedInAsync(server.BaseAddress, key, output);
        if (dashboard is null)
        {
            return;
        }

        await dashboard.Page.GetByRole(AriaRole.Link, new() { Name = "New job" }).First.ClickAsync();
        var page = dashboard.Page;
        await page.GetByLabel("Base URL (optional)").First.FillAsync(affinity.BaseAddress.ToString().TrimEnd('/'));
        await page.GetByLabel("API key").First.FillAsync(affinity.ApiKey);
        await page.GetByLabel("Base URL (optional)").Nth(1).FillAsync(attio.BaseAddress.ToString().TrimEnd('/'));
        await page.GetByLabel("API key").Nth(1).FillAsync(attio.ApiKey);
        await page.GetByLabel("Batch size").FillAsync("100");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create job" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Job " })).ToBeVisibleAsync();
        await Expect(dashboard.Summary("Status")).ToHaveTextAsync("completed_with_errors", new() { Timeout = 60_000 });
        var id = Guid.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..]);
        using var client = server.Tenant(key);
        var job = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{id}");
        Assert.Equal("completed_with_errors", job.GetProperty("status").GetString());
        var total = job.GetProperty("total_records").GetInt64();
        var failed = job.GetProperty("failed_records").GetInt64();
        Assert.True(failed > 0);
        Assert.Equal(total, job.GetProperty("processed_records").GetInt64());

        await Expect(page.Locator("[data-counter='total'] strong")).ToHaveTextAsync(N(total));
        await Expect(page.Locator("[data-counter='processed'] strong")).ToHaveTextAsync(N(total));
        await Expect(page.Locator("[data-counter='failed'] strong")).ToHaveTextAsync(N(failed));
        await Expect(page.GetByLabel("Job progress")).ToHaveAttributeAsync("value", total.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.GetByLabel("Job progress")).ToHaveAttributeAsync("max", total.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var phase in job.GetProperty("phases").EnumerateArray())
        {
            var row = page.Locator($"tr[data-phase='{phase.GetProperty("phase").GetString()}']");
            await Expect(row.Locator(".status")).ToHaveTextAsync("completed");
            var bar = row.Locator("progress");
            Assert.Equal(await bar.GetAttributeAsync("max"), await bar.GetAttributeAsync("value"));
            var done = phase.GetProperty("records_written").GetInt64() + phase.GetProperty("records_failed").GetInt64() + phase.GetProperty("records_skipped").GetInt64();
            await Expect(row.Locator(".progress span")).ToHaveTextAsync($"{N(done)} / {N(phase.GetProperty("records_read").GetInt64())}");
        }

        await Expect(page.Locator("#failures .pager span")).ToHaveTextAsync($"1–{N(Math.Min(failed, 20))} of {N(failed)}");
        await Expect(page.Locator("#batches tbody tr").First).ToContainTextAsync("succeeded");
        await Expect(page.Locator("#logs tbody tr").First).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "← All jobs" }).ClickAsync();
        await Expect(dashboard.JobRow(id).Locator(".progress span")).ToHaveTextAsync($"{N(total)} / {N(total)}");
        Assert.Empty(dashboard.Errors);
    }

    private static string N(long value) => value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
