using System.CommandLine;
using System.Runtime.CompilerServices;
using Freight.Cli.Output;
using Freight.Cli.Remote;
using Freight.Client;

namespace Freight.Cli.Jobs;

/// <summary><c>freight jobs watch</c>: follows a job's events until it ends.</summary>
internal static class JobsWatch
{
    public static Command Create(ConnectionOptions connection)
    {
        var id = JobsCommand.JobId();
        var json = new Option<bool>("--json") { Description = "One JSON line per event (the job as the API gives it) instead of bars." };
        var command = new Command("watch", """
            Follow a job until it ends: live progress bars per phase on a terminal; one line per event when the output
            is not a terminal or with --json (each line the job as JSON).
            Exit codes: 0 completed, 0 completed_with_errors (with a warning: some records were refused, see the
            job's failures), 1 failed or cancelled (with the reason), 1 when the API cannot be reached.

            Examples:
              freight jobs watch 01932c1e-7a4b-7c2d-9e1f-0a1b2c3d4e5f
              freight jobs watch 01932c1e-7a4b-7c2d-9e1f-0a1b2c3d4e5f --json | jq -c '{status, processed_records}'
            """)
        {
            id,
            json,
        };
        command.SetAction((parse, cancellationToken) => ApiCall.RunAsync(parse, connection, async (client, terminal) =>
        {
            var jobId = parse.GetValue(id);
            JobView? last = null;
            if (parse.GetValue(json))
            {
                await foreach (var job in FollowAsync(client, jobId, cancellationToken))
                {
                    last = JobView.From(job);
                    JsonOutput.WriteLine(terminal, job);
                }
            }
            else
            {
                last = await LiveProgress.ShowAsync(terminal, json: false, Views(client, jobId, cancellationToken));
            }

            return JobOutcome.ExitCode(terminal, last);
        }));
        return command;
    }

    /// <summary>The job after every event until it is finished; a stream the server closes early is opened again.</summary>
    private static async IAsyncEnumerable<JobResponse> FollowAsync(FreightClient client, Guid jobId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            JobResponse? last = null;
            await foreach (var update in client.Jobs.EventsAsync(jobId, cancellationToken))
            {
                last = update.Job;
                yield return update.Job;
            }

            if (last is null || last.Status.IsFinished())
            {
                yield break;
            }
        }
    }

    private static async IAsyncEnumerable<JobView> Views(FreightClient client, Guid jobId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var job in FollowAsync(client, jobId, cancellationToken))
        {
            yield return JobView.From(job);
        }
    }
}
