using System.Text.RegularExpressions;
using Freight.Server.Dashboard;

namespace Freight.Dashboard.Tests;

/// <summary>Loading the dashboard, signing in with a tenant key, a refused key, and signing out.</summary>
public sealed partial class SignInTests(Chromium chromium, ITestOutputHelper output) : IClassFixture<Chromium>
{
    [Fact]
    public async Task The_root_opens_the_dashboard_under_its_policy_without_console_errors()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        await using var dashboard = await chromium.OpenAsync(server.BaseAddress, output);
        if (dashboard is null)
        {
            return;
        }

        var response = await dashboard.Page.GotoAsync("/");
        await dashboard.SignInAsync(key);

        Assert.Equal(server.BaseAddress + "dashboard/#/jobs", dashboard.Page.Url);
        Assert.Equal(DashboardEndpoints.ContentSecurityPolicy, await response!.HeaderValueAsync("content-security-policy"));
        Assert.Equal("nosniff", await response.HeaderValueAsync("x-content-type-options"));
        await Expect(dashboard.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await Expect(dashboard.Page.GetByText("No jobs here yet.")).ToBeVisibleAsync();
        Assert.Empty(dashboard.Errors);
    }

    [Theory]
    [InlineData("frt_abcdefgh0123456789abcdef0123456789abcdef", "Invalid API key")]
    [InlineData("not-a-key", "Invalid API key format")]
    public async Task A_refused_key_shows_the_api_message_and_request_id_and_is_not_kept(string apiKey, string message)
    {
        await using var server = await ApiServer.StartAsync();
        await using var dashboard = await chromium.OpenAsync(server.BaseAddress, output);
        if (dashboard is null)
        {
            return;
        }

        await dashboard.GotoAsync("#/signin");
        await dashboard.Page.GetByLabel("Tenant API key").FillAsync(apiKey);
        await dashboard.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(dashboard.Notice.Locator(".message")).ToHaveTextAsync(message);
        await Expect(dashboard.Notice.Locator(".request-id")).ToHaveTextAsync(RequestId());
        Assert.Null(await dashboard.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('freight.apiKey')"));
        Assert.DoesNotContain(apiKey, dashboard.Page.Url, StringComparison.Ordinal);
        await Expect(dashboard.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Sign_out_forgets_the_key()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        await using var dashboard = await chromium.SignedInAsync(server.BaseAddress, key, output);
        if (dashboard is null)
        {
            return;
        }

        Assert.Equal(key, await dashboard.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('freight.apiKey')"));
        Assert.Equal(0, await dashboard.Page.EvaluateAsync<int>("() => localStorage.length"));
        await dashboard.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(dashboard.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        Assert.Null(await dashboard.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('freight.apiKey')"));
        await dashboard.GotoAsync("#/jobs");
        await Expect(dashboard.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_jobs_list_fits_a_phone_screen()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        var id = await Server.Tests.Jobs.JobScenario.CreateIdAsync(client);
        await using var dashboard = await chromium.OpenAsync(server.BaseAddress, output, width: 390, height: 844);
        if (dashboard is null)
        {
            return;
        }

        await dashboard.SignInAsync(key);

        await Expect(dashboard.JobRow(id)).ToBeVisibleAsync();
        Assert.True(await dashboard.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await Expect(dashboard.Page.GetByRole(AriaRole.Link, new() { Name = "New job" }).First).ToBeInViewportAsync();
    }

    [GeneratedRegex("^Request id: req_[0-9a-f]{32}$")]
    private static partial Regex RequestId();
}
