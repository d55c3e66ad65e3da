using System.CommandLine;
using Freight.Cli.Output;
using Freight.Cli.Remote;
using Freight.Client;

namespace Freight.Cli.Jobs;

/// <summary><c>freight jobs logs|retry|cancel</c>: reading a job's log and acting on a job.</summary>
internal static class JobActions
{
    public static Command Logs(ConnectionOptions connection)
    {
        var id = JobsCommand.JobId();
        var level = new Option<JobLogLevel?>("--level") { Description = "Only entries of this level: debug, info, warning, error." };
        level.AcceptOnlyFromAmong([.. Enum.GetValues<JobLogLevel>().Select(Names.Of)]);
        level.CustomParser = result => Enum.GetValues<JobLogLevel>().First(value => Names.Of(value) == result.Tokens.Single().Value);
        var json = JsonOutput.Flag();
        var command = new Command("logs", """
            Show a job's log, oldest first.

            Examples:
              freight jobs logs 01932c1e-7a4b-7c2d-9e1f-0a1b2c3d4e5f
              freight jobs logs 01932c1e-7a4b-7c2d-9e1f-0a1b2c3d4e5f --level error --json
            """)
        {
            id,
            level,
            json,
        };
        command.SetAction((parse, cancellationToken) => ApiCall.RunAsync(parse, connection, async (client, terminal) =>
        {
            var logs = new List<LogResponse>();
            await foreach (var log in client.Jobs.ListAllLogsAsync(parse.GetValue(id), parse.GetValue(level), cancellationToken: cancellationToken))
            {
                logs.Add(log);
            }

            if (parse.GetValue(json))
            {
                JsonOutput.Write(terminal, logs);
            }
            else
            {
                terminal.Out.Write(JobTables.Logs(logs));
            }

            return 0;
        }));
        return command;
    }

    public static Command Retry(ConnectionOptions connection)
    {
        var id = JobsCommand.JobId();
        var all = new Option<bool>("--all") { Description = "Start over: read the source again and write every record (records already written are updated, not duplicated)." };
        var json = JsonOutput.Flag();
        var command = new Command("retry", """
            Queue a failed or completed_with_errors job again: its failed batches and refused records (or, with --all,
            the whole job from the start).

            Examples:
              freight jobs retry 01932c1e-7a4b-7c2d-9e1f-0a1b2c3d4e5f
              freight jobs retry 01932c1e-7a4b-7c2d-9e1f-0a1b2c3d4e5f --all && freight jobs watch 01932c1e-7a4b-7c2d-9e1f-0a1b2c3d4e5f
            """)
        {
            id,
            all,
            json,
        };
        command.SetAction((parse, cancellationToken) => ApiCall.RunAsync(parse, connection, async (client, terminal) =>
            ApiCall.Show(terminal, await client.Jobs.RetryAsync(parse.GetValue(id), failedOnly: !parse.GetValue(all), cancellationToken), parse.GetValue(json), retry =>
            {
                terminal.Output.WriteLine(parse.GetValue(all)
                    ? $"Job {retry.Job.Id} is {Names.Of(retry.Job.Status)}: it starts over from the source."
                    : $"Job {retry.Job.Id} is {Names.Of(retry.Job.Status)}: {retry.BatchesQueuedForRetry} batch(es) queued again.");
            })));
        return command;
    }

    public static Command Cancel(ConnectionOptions connection)
    {
        var id = JobsCommand.JobId();
        var json = JsonOutput.Flag();
        var command = new Command("cancel", """
            Cancel a job: a pending one at once, a running one after its batch in hand (its checkpoint is kept).

            Example:
              freight jobs cancel 01932c1e-7a4b-7c2d-9e1f-0a1b2c3d4e5f
            """)
        {
            id,
            json,
        };
        command.SetAction((parse, cancellationToken) => ApiCall.RunAsync(parse, connection, async (client, terminal) =>
            ApiCall.Show(terminal, await client.Jobs.CancelAsync(parse.GetValue(id), cancellationToken), parse.GetValue(json), job =>
            {
                terminal.Output.WriteLine($"Job {job.Id} is {Names.Of(job.Status)}.");
            })));
        return command;
    }
}
