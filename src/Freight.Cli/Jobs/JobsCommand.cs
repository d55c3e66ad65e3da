using System.CommandLine;
using Freight.Cli.Output;
using Freight.Cli.Remote;
using Freight.Client;

namespace Freight.Cli.Jobs;

/// <summary><c>freight jobs list|create|get|watch|logs|retry|cancel</c>: a tenant's jobs, through the REST API.</summary>
internal static class JobsCommand
{
    public static Command Create()
    {
        var connection = new ConnectionOptions();
        var group = new Command("jobs", """
            Create, follow and manage a tenant's migration jobs on a Freight server (--url or FREIGHT_URL; the tenant's
            key: --api-key or FREIGHT_API_KEY).

            Examples:
              freight jobs create --source-key $AFFINITY_KEY --target-key $ATTIO_KEY
              freight jobs list --status running
              freight jobs watch 01932c1e-7a4b-7c2d-9e1f-0a1b2c3d4e5f
            """)
        {
            List(connection),
            JobsCreate.Create(connection),
            Get(connection),
            JobsWatch.Create(connection),
            JobActions.Logs(connection),
            JobActions.Retry(connection),
            JobActions.Cancel(connection),
        };
        connection.AddTo(group, admin: false);
        return group;
    }

    internal static Argument<Guid> JobId() => new("job-id") { Description = "The job's id (freight jobs list)." };

    private static Command List(ConnectionOptions connection)
    {
        var status = new Option<JobStatus?>("--status") { Description = "Only jobs in this status (pending, running, completed, completed_with_errors, failed, cancelled...)." };
        status.AcceptOnlyFromAmong([.. Enum.GetValues<JobStatus>().Select(Names.Of)]);
        status.CustomParser = result => Enum.GetValues<JobStatus>().First(value => Names.Of(value) == result.Tokens.Single().Value);
        var limit = new Option<int>("--limit") { Description = "Jobs to show, 1-1000, newest first.", DefaultValueFactory = _ => 100 };
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 1000)
            {
                result.AddError("--limit must be from 1 to 1000.");
            }
        });
        var offset = new Option<int>("--offset") { Description = "Jobs to skip first." };
        offset.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError("--offset must not be negative.");
            }
        });
        var json = JsonOutput.Flag();
        var command = new Command("list", """
            List the tenant's jobs, newest first. --json prints the API's page: {items, total, limit, offset, has_more}.

            Examples:
              freight jobs list
              freight jobs list --status failed --json | jq -r '.items[].id'
            """)
        {
            status,
            limit,
            offset,
            json,
        };
        command.SetAction((parse, cancellationToken) => ApiCall.RunAsync(parse, connection, async (client, terminal) =>
            ApiCall.Show(terminal, await client.Jobs.ListAsync(parse.GetValue(status), parse.GetValue(limit), parse.GetValue(offset), cancellationToken), parse.GetValue(json), page =>
            {
                terminal.Out.Write(JobTables.List(page.Items));
                if (page.HasMore)
                {
                    terminal.Note($"{page.Items.Count} of {page.Total} jobs; --offset {page.Offset + page.Items.Count} shows more.");
                }
            })));
        return command;
    }

    private static Command Get(ConnectionOptions connection)
    {
        var id = JobId();
        var json = JsonOutput.Flag();
        var command = new Command("get", """
            Show a job: its status, counters and each phase.

            Examples:
              freight jobs get 01932c1e-7a4b-7c2d-9e1f-0a1b2c3d4e5f
              freight jobs get 01932c1e-7a4b-7c2d-9e1f-0a1b2c3d4e5f --json | jq .status
            """)
        {
            id,
            json,
        };
        command.SetAction((parse, cancellationToken) => ApiCall.RunAsync(parse, connection, async (client, terminal) =>
            ApiCall.Show(terminal, await client.Jobs.GetAsync(parse.GetValue(id), cancellationToken), job => Show(terminal, parse.GetValue(json), job))));
        return command;
    }

    internal static void Show(Terminal terminal, bool json, JobResponse job)
    {
        if (json)
        {
            JsonOutput.Write(terminal, job);
        }
        else
        {
            JobTables.Details(terminal, job);
        }
    }
}
