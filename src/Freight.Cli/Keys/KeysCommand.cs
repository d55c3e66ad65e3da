using System.CommandLine;
using Freight.Cli.Output;
using Freight.Cli.Remote;
using Freight.Client;
using Freight.Sandbox.Hosting;
using Spectre.Console;

namespace Freight.Cli.Keys;

/// <summary><c>freight keys create|list|revoke</c>: a tenant's API keys, through the admin API.</summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var connection = new ConnectionOptions();
        var group = new Command("keys", """
            Issue, list and revoke a tenant's API keys through the admin API (needs the admin key: --admin-key or
            FREIGHT_ADMIN_KEY). A revoked key is refused at once.

            Examples:
              freight keys create 01932c1e-7a4b-7c2d-9e1f-0a1b2c3d4e5f --name ci
              freight keys list 01932c1e-7a4b-7c2d-9e1f-0a1b2c3d4e5f
            """)
        {
            Issue(connection),
            List(connection),
            Revoke(connection),
        };
        connection.AddTo(group, admin: true);
        return group;
    }

    private static Argument<Guid> Tenant() => new("tenant-id") { Description = "The tenant's id (freight tenants list)." };

    private static Command Issue(ConnectionOptions connection)
    {
        var tenant = Tenant();
        var name = new Option<string>("--name") { Description = "What the key is for.", DefaultValueFactory = _ => "cli" };
        var json = JsonOutput.Flag();
        var command = new Command("create", """
            Issue a new API key for a tenant; the key is shown this once.

            Examples:
              freight keys create 01932c1e-7a4b-7c2d-9e1f-0a1b2c3d4e5f --name ci
              freight keys create 01932c1e-7a4b-7c2d-9e1f-0a1b2c3d4e5f --json | jq -r .api_key
            """)
        {
            tenant,
            name,
            json,
        };
        command.SetAction((parse, cancellationToken) => ApiCall.RunAsync(parse, connection, async (client, terminal) =>
            ApiCall.Show(terminal, await client.Admin.IssueKeyAsync(parse.GetValue(tenant), new CreateKeyRequest(parse.GetValue(name)!), cancellationToken), parse.GetValue(json), key =>
            {
                terminal.Out.Write(Table([new ApiKeyResponse(key.Id, key.Name, key.Prefix, key.CreatedAt, null, null)]));
                terminal.Out.MarkupLineInterpolated($"API key (shown once, keep it now): [bold]{key.ApiKey}[/]");
            })));
        return command;
    }

    private static Command List(ConnectionOptions connection)
    {
        var tenant = Tenant();
        var json = JsonOutput.Flag();
        var command = new Command("list", """
            List a tenant's keys (never the keys themselves: their ids, names and prefixes).

            Example:
              freight keys list 01932c1e-7a4b-7c2d-9e1f-0a1b2c3d4e5f --json
            """)
        {
            tenant,
            json,
        };
        command.SetAction((parse, cancellationToken) => ApiCall.RunAsync(parse, connection, async (client, terminal) =>
            ApiCall.Show(terminal, await client.Admin.ListKeysAsync(parse.GetValue(tenant), cancellationToken), parse.GetValue(json), keys =>
            {
                terminal.Out.Write(Table(keys));
            })));
        return command;
    }

    private static Command Revoke(ConnectionOptions connection)
    {
        var tenant = Tenant();
        var key = new Argument<Guid>("key-id") { Description = "The key's id (freight keys list)." };
        var command = new Command("revoke", """
            Revoke a key: every request with it is refused from now on.

            Example:
              freight keys revoke 01932c1e-7a4b-7c2d-9e1f-0a1b2c3d4e5f 01932c1f-0000-7000-8000-000000000001
            """)
        {
            tenant,
            key,
        };
        command.SetAction((parse, cancellationToken) => ApiCall.RunAsync(parse, connection, async (client, terminal) =>
        {
            var result = await client.Admin.RevokeKeyAsync(parse.GetValue(tenant), parse.GetValue(key), cancellationToken);
            if (!result.IsSuccess)
            {
                return ApiCall.Error(result.FreightError()).Print(terminal);
            }

            await terminal.Output.WriteLineAsync($"Revoked key {parse.GetValue(key)}.");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Table Table(IReadOnlyList<ApiKeyResponse> keys)
    {
        var table = new Table().AddColumns("id", "name", "prefix", "created", "last used", "revoked");
        foreach (var key in keys)
        {
            table.AddRow(Markup.Escape($"{key.Id}"), Markup.Escape(key.Name), Markup.Escape(key.Prefix), Names.Time(key.CreatedAt), Names.Time(key.LastUsedAt), Names.Time(key.RevokedAt));
        }

        return table;
    }
}
