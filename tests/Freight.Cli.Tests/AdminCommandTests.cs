using System.Text.Json;
using Freight.Sandbox.Hosting;
using Freight.Server.Tests;

namespace Freight.Cli.Tests;

/// <summary><c>freight tenants</c> and <c>freight keys</c> against a test server, with the admin key from FREIGHT_ADMIN_KEY.</summary>
public sealed class AdminCommandTests
{
    [Fact]
    public async Task A_tenant_created_by_the_cli_gets_keys_that_work_until_revoked()
    {
        await using var server = await ApiServer.StartAsync();
        using var cli = Cli(server);

        var tenant = Json((await cli.RunAsync("tenants", "create", "--name", "Acme Corp", "--slug", "acme", "--json")).Exits(0));
        var tenantId = tenant.GetProperty("id").GetString()!;
        var issued = Json((await cli.RunAsync("keys", "create", tenantId, "--name", "ci", "--json")).Exits(0));
        var keys = Json((await cli.RunAsync("keys", "list", tenantId, "--json")).Exits(0));
        var jobs = Json((await cli.RunAsync("jobs", "list", "--api-key", issued.GetProperty("api_key").GetString()!, "--json")).Exits(0));
        var revoked = (await cli.RunAsync("keys", "revoke", tenantId, issued.GetProperty("id").GetString()!)).Exits(0);
        var refused = (await cli.RunAsync("jobs", "list", "--api-key", issued.GetProperty("api_key").GetString()!)).Exits(ExitCodes.Failure);

        Assert.Equal("acme", tenant.GetProperty("slug").GetString());
        Assert.StartsWith("frt_", tenant.GetProperty("api_key").GetString(), StringComparison.Ordinal);
        Assert.Equal(["ci", "default"], keys.EnumerateArray().Select(key => key.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(0, jobs.GetProperty("total").GetInt32());
        Assert.Equal($"Revoked key {issued.GetProperty("id").GetString()}.", revoked.Output.Trim());
        Assert.Matches(@"^error: Invalid API key \(unauthorized, request req_[0-9a-f]+\)$", refused.Error.Trim());
        Assert.Equal("", refused.Output);
    }

    [Fact]
    public async Task Tenants_list_shows_a_table_and_get_shows_one_tenant()
    {
        await using var server = await ApiServer.StartAsync();
        var (id, _) = await server.CreateTenantAsync("globex");
        using var cli = Cli(server);

        var list = (await cli.RunAsync("tenants", "list")).Exits(0);
        var one = Json((await cli.RunAsync("tenants", "get", id.ToString(), "--json")).Exits(0));

        Assert.Contains(list.OutputLines, line => line.Contains($"│ {id} │ globex │ GLOBEX │ active │", StringComparison.Ordinal));
        Assert.Equal("globex", one.GetProperty("slug").GetString());
    }

    [Fact]
    public async Task A_taken_slug_is_the_apis_conflict_and_exits_1()
    {
        await using var server = await ApiServer.StartAsync();
        await server.CreateTenantAsync("acme");
        using var cli = Cli(server);

        var result = (await cli.RunAsync("tenants", "create", "--name", "Acme", "--slug", "acme")).Exits(ExitCodes.Failure);

        Assert.Matches(@"^error: The slug 'acme' is taken\. \(conflict, request req_[0-9a-f]+\)$", result.Error.Trim());
    }

    [Fact]
    public async Task A_slug_the_api_refuses_exits_2_with_the_field_listed()
    {
        await using var server = await ApiServer.StartAsync();
        using var cli = Cli(server);

        var result = (await cli.RunAsync("tenants", "create", "--name", "Acme", "--slug", "Not A Slug")).Exits(ExitCodes.Usage);

        Assert.Matches(@"^error: .+ \(validation_error, request req_[0-9a-f]+\)$", result.ErrorLines[0]);
        Assert.StartsWith("- slug: ", result.ErrorLines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_admin_key_is_refused_with_the_apis_message()
    {
        await using var server = await ApiServer.StartAsync();
        using var cli = Cli(server);

        var result = (await cli.RunAsync("tenants", "list", "--admin-key", "not-the-admin-key")).Exits(ExitCodes.Failure);

        Assert.Matches(@"^error: Invalid admin key \(unauthorized, request req_[0-9a-f]+\)$", result.Error.Trim());
    }

    private static FreightCli Cli(ApiServer server)
    {
        var cli = new FreightCli();
        cli.Environment["FREIGHT_URL"] = server.BaseAddress.ToString();
        cli.Environment["FREIGHT_ADMIN_KEY"] = ApiServer.AdminKey;
        return cli;
    }

    private static JsonElement Json(CliResult result) => JsonDocument.Parse(result.Output).RootElement;
}
