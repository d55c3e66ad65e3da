using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Freight.Server.Tests.Jobs;

namespace Freight.Dashboard.Tests;

/// <summary>
/// The jobs list and a job's page against the API with its worker off: jobs are put into their states through the
/// API and Core's stores, as <see cref="JobScenario"/> does for the API's own tests.
/// </summary>
public sealed class JobPageTests(Chromium chromium, ITestOutputHelper output) : IClassFixture<Chromium>
{
    [Fact]
    public async Task The_list_shows_jobs_created_through_the_api_with_their_status_and_follows_new_ones()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        var finished = await JobScenario.CompletedWithErrorsAsync(server, client); // claims the oldest pending job: first
        var pending = await JobScenario.CreateIdAsync(client);
        await using var dashboard = await chromium.SignedInAsync(server.BaseAddress, key, output);
        if (dashboard is null)
        {
            return;
        }

        await Expect(dashboard.JobRow(pending).Locator(".status")).ToHaveTextAsync("pending");
        await Expect(dashboard.JobRow(finished).Locator(".status")).ToHaveTextAsync("completed_with_errors");
        await Expect(dashboard.JobRow(finished)).ToContainTextAsync("affinity → attio");
        var failed = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{finished}")).GetProperty("failed_records").GetInt64();
        Assert.True(failed > 0);
        await Expect(dashboard.JobRow(finished).Locator("td.failed")).ToHaveTextAsync(failed.ToString(CultureInfo.InvariantCulture));
        var later = await JobScenario.CreateIdAsync(client);

        // The list is polled: the job created after the page was drawn appears.
        await Expect(dashboard.JobRow(later).Locator(".status")).ToHaveTextAsync("pending");
        await dashboard.Page.GetByLabel("Status").SelectOptionAsync("completed_with_errors");
        await Expect(dashboard.Page.Locator("tr[data-job-id]")).ToHaveCountAsync(1);
        await Expect(dashboard.JobRow(finished)).ToBeVisibleAsync();
        Assert.Empty(dashboard.Errors);
    }

    [Fact]
    public async Task The_job_page_shows_its_phases_failures_batches_and_logs()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        var id = await JobScenario.CompletedWithErrorsAsync(server, client);
        await using var dashboard = await chromium.SignedInAsync(server.BaseAddress, key, output);
        if (dashboard is null)
        {
            return;
        }

        await dashboard.JobRow(id).GetByRole(AriaRole.Link).ClickAsync();

        var page = dashboard.Page;
        await Expect(dashboard.Summary("Status")).ToHaveTextAsync("completed_with_errors");
        await Expect(page.Locator("tr[data-phase]")).ToHaveCountAsync(6);
        await Expect(page.Locator("#failures tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#failures tbody tr")).ToContainTextAsync("uniqueness_conflict");
        await Expect(page.Locator("#failures tbody tr")).ToContainTextAsync("The domain is taken.");
        await Expect(page.Locator("#batches tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("#batches tbody tr").Nth(1)).ToContainTextAsync("Attio answered 500 three times.");
        await Expect(page.Locator("#logs tbody tr")).ToHaveCountAsync(2);
        await page.GetByLabel("Level").SelectOptionAsync("error");
        await Expect(page.Locator("#logs tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#logs tbody tr")).ToContainTextAsync("Batch companies#2 failed.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel job" })).ToBeDisabledAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Retry failed records" })).ToBeEnabledAsync();
        Assert.Empty(dashboard.Errors);
    }

    [Fact]
    public async Task Cancel_of_a_pending_job_through_its_button_cancels_it()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        var id = await JobScenario.CreateIdAsync(client);
        await using var dashboard = await chromium.SignedInAsync(server.BaseAddress, key, output);
        if (dashboard is null)
        {
            return;
        }

        await dashboard.GotoAsync($"#/jobs/{id}");
        var cancel = dashboard.Page.GetByRole(AriaRole.Button, new() { Name = "Cancel job" });
        await Expect(dashboard.Page.GetByRole(AriaRole.Button, new() { Name = "Retry failed records" })).ToBeDisabledAsync();
        await cancel.ClickAsync();

        await Expect(dashboard.Summary("Status")).ToHaveTextAsync("cancelled");
        await Expect(cancel).ToBeDisabledAsync();
        var job = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{id}");
        Assert.Equal("cancelled", job.GetProperty("status").GetString());
        await Expect(dashboard.Summary("Reason")).ToHaveTextAsync(job.GetProperty("status_reason").GetString()!);
    }

    [Fact]
    public async Task Retry_of_a_finished_job_through_its_button_queues_its_failed_batch_again()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        var id = await JobScenario.CompletedWithErrorsAsync(server, client);
        await using var dashboard = await chromium.SignedInAsync(server.BaseAddress, key, output);
        if (dashboard is null)
        {
            return;
        }

        await dashboard.GotoAsync($"#/jobs/{id}");
        await dashboard.Page.GetByRole(AriaRole.Button, new() { Name = "Retry failed records" }).ClickAsync();

        // The batch with a refused record and the batch that failed as a whole.
        await Expect(dashboard.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Batches queued for retry: 2; the job is pending.");
        await Expect(dashboard.Summary("Status")).ToHaveTextAsync("pending");
        var job = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{id}");
        Assert.Equal("pending", job.GetProperty("status").GetString());
        await Expect(dashboard.Page.GetByRole(AriaRole.Button, new() { Name = "Cancel job" })).ToBeEnabledAsync();
        await Expect(dashboard.Page.GetByRole(AriaRole.Button, new() { Name = "Retry all" })).ToBeDisabledAsync();
        await Expect(dashboard.Page.Locator("#batches tbody tr").Nth(1)).ToContainTextAsync("pending");
    }

    [Fact]
    public async Task A_refused_action_shows_the_api_conflict()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        var id = await JobScenario.CreateIdAsync(client);
        await using var dashboard = await chromium.SignedInAsync(server.BaseAddress, key, output);
        if (dashboard is null)
        {
            return;
        }

        await dashboard.GotoAsync($"#/jobs/{id}");
        var cancel = dashboard.Page.GetByRole(AriaRole.Button, new() { Name = "Cancel job" });
        await Expect(cancel).ToBeEnabledAsync();
        // The job is cancelled elsewhere just as the page's own cancel goes out, so the page cannot have seen it first.
        HttpStatusCode? elsewhere = null;
        await dashboard.Page.RouteAsync($"**/api/v1/jobs/{id}/cancel", async route =>
        {
            using var answer = await client.PostAsync($"/api/v1/jobs/{id}/cancel", null);
            elsewhere = answer.StatusCode;
            await route.ContinueAsync();
        });
        await cancel.ClickAsync();

        await Expect(dashboard.Notice.Locator(".message")).ToHaveTextAsync("The job is cancelled; only pending or running jobs can be cancelled.");
        await Expect(dashboard.Notice.Locator(".request-id")).ToContainTextAsync("req_");
        Assert.Equal(HttpStatusCode.OK, elsewhere);
    }

    [Fact]
    public async Task Markup_in_a_failure_message_is_shown_as_text()
    {
        const string Hostile = "<img src=x onerror=\"window.pwned=1\"><b>bold</b>";
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        var id = await JobScenario.CompletedWithErrorsAsync(server, client, failureMessage: Hostile);
        await using var dashboard = await chromium.SignedInAsync(server.BaseAddress, key, output);
        if (dashboard is null)
        {
            return;
        }

        await dashboard.GotoAsync($"#/jobs/{id}");

        await Expect(dashboard.Page.Locator("#failures td.message")).ToHaveTextAsync(Hostile);
        await Expect(dashboard.Page.Locator("#view img, #view b")).ToHaveCountAsync(0);
        Assert.False(await dashboard.Page.EvaluateAsync<bool>("() => 'pwned' in window"));
    }

    [Fact]
    public async Task Markup_in_the_address_is_shown_as_text()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        await using var dashboard = await chromium.SignedInAsync(server.BaseAddress, key, output);
        if (dashboard is null)
        {
            return;
        }

        await dashboard.GotoAsync("#/jobs/<img src=x onerror=\"window.pwned=1\">");

        await Expect(dashboard.Notice.Locator(".message")).ToHaveTextAsync("No such resource.");
        await Expect(dashboard.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Job ");
        await Expect(dashboard.Page.Locator("#view img")).ToHaveCountAsync(0);
        Assert.False(await dashboard.Page.EvaluateAsync<bool>("() => 'pwned' in window"));
    }

    [Fact]
    public async Task Another_tenants_job_is_not_found()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        var (_, otherKey) = await server.CreateTenantAsync("globex");
        using var other = server.Tenant(otherKey);
        var theirs = await JobScenario.CreateIdAsync(other);
        await using var dashboard = await chromium.SignedInAsync(server.BaseAddress, key, output);
        if (dashboard is null)
        {
            return;
        }

        await dashboard.GotoAsync($"#/jobs/{theirs}");

        await Expect(dashboard.Notice.Locator(".message")).ToHaveTextAsync($"No job {theirs}.");
        await Expect(dashboard.Page.GetByText("This job was not found for your tenant.")).ToBeVisibleAsync();
        await Expect(dashboard.Page.Locator("dl.summary")).ToHaveCountAsync(0);
    }
}
