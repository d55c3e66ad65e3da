using System.CommandLine;
using Freight.Cli.Output;
using Freight.Cli.Remote;
using Freight.Client;
using Spectre.Console;

namespace Freight.Cli.Tenants;

/// <summary><c>freight tenants create|list|get</c>: the operator's tenants, through the admin API.</summary>
internal static class TenantsCommand
{
    public static Command Create()
    {
        var connection = new ConnectionOptions();
        var group = new Command("tenants", """
            Create and read tenants through the admin API (needs the admin key: --admin-key or FREIGHT_ADMIN_KEY).

            Examples:
              freight tenants create --name "Acme Corp" --slug acme
              freight tenants list --json
            """)
        {
            CreateTenant(connection),
            List(connection),
            Get(connection),
        };
        connection.AddTo(group, admin: true);
        return group;
    }

    private static Command CreateTenant(ConnectionOptions connection)
    {
        var name = new Option<string>("--name") { Description = "The tenant's display name.", Required = true };
        var slug = new Option<string>("--slug") { Description = "A unique short name: lowercase letters, digits and inner hyphens.", Required = true };
        var json = JsonOutput.Flag();
        var command = new Command("create", """
            Create a tenant and its first API key; the key is shown this once.

            Examples:
              freight tenants create --name "Acme Corp" --slug acme
              export FREIGHT_API_KEY=$(freight tenants create --name Acme --slug acme --json | jq -r .api_key)
            """)
        {
            name,
            slug,
            json,
        };
        command.SetAction((parse, cancellationToken) => ApiCall.RunAsync(parse, connection, async (client, terminal) =>
            ApiCall.Show(terminal, await client.Admin.CreateTenantAsync(new CreateTenantRequest(parse.GetValue(name)!, parse.GetValue(slug)!), cancellationToken), parse.GetValue(json), tenant =>
            {
                terminal.Out.Write(Table([new TenantResponse(tenant.Id, tenant.Name, tenant.Slug, tenant.Status, tenant.CreatedAt)]));
                terminal.Out.MarkupLineInterpolated($"API key (shown once, keep it now): [bold]{tenant.ApiKey}[/]");
            })));
        return command;
    }

    private static Command List(ConnectionOptions connection)
    {
        var json = JsonOutput.Flag();
        var command = new Command("list", """
            List every tenant, oldest first.

            Examples:
              freight tenants list
              freight tenants list --json | jq -r '.[].slug'
            """)
        {
            json,
        };
        command.SetAction((parse, cancellationToken) => ApiCall.RunAsync(parse, connection, async (client, terminal) =>
        {
            var tenants = new List<TenantResponse>();
            await foreach (var tenant in client.Admin.ListAllTenantsAsync(cancellationToken: cancellationToken))
            {
                tenants.Add(tenant);
            }

            Print(terminal, parse.GetValue(json), tenants);
            return 0;
        }));
        return command;
    }

    private static Command Get(ConnectionOptions connection)
    {
        var id = new Argument<Guid>("tenant-id") { Description = "The tenant's id." };
        var json = JsonOutput.Flag();
        var command = new Command("get", """
            Show one tenant.

            Example:
              freight tenants get 01932c1e-7a4b-7c2d-9e1f-0a1b2c3d4e5f
            """)
        {
            id,
            json,
        };
        command.SetAction((parse, cancellationToken) => ApiCall.RunAsync(parse, connection, async (client, terminal) =>
            ApiCall.Show(terminal, await client.Admin.GetTenantAsync(parse.GetValue(id), cancellationToken), tenant => Print(terminal, parse.GetValue(json), tenant))));
        return command;
    }

    private static void Print<T>(Terminal terminal, bool json, T value)
    {
        if (json)
        {
            JsonOutput.Write(terminal, value);
        }
        else
        {
            terminal.Out.Write(value switch
            {
                TenantResponse tenant => Table([tenant]),
                IReadOnlyList<TenantResponse> tenants => Table(tenants),
                _ => throw new ArgumentException("Not a tenant.", nameof(value)),
            });
        }
    }

    private static Table Table(IReadOnlyList<TenantResponse> tenants)
    {
        var table = new Table().AddColumns("id", "slug", "name", "status", "created");
        foreach (var tenant in tenants)
        {
            table.AddRow(Markup.Escape($"{tenant.Id}"), Markup.Escape(tenant.Slug), Markup.Escape(tenant.Name), Names.Of(tenant.Status), Names.Time(tenant.CreatedAt));
        }

        return table;
    }
}
