using Freight.Sandbox.Hosting;

namespace Freight.Cli.Output;

/// <summary>
/// The exit code of a command that follows a job to its end (<c>jobs watch</c>, <c>migrate</c>): 0 for
/// <c>completed</c>, 0 with a warning for <c>completed_with_errors</c> (the job ran; some records were refused and
/// are listed as failures), 1 for <c>failed</c> and <c>cancelled</c>.
/// </summary>
internal static class JobOutcome
{
    public static int ExitCode(Terminal terminal, JobView? job)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        switch (job?.Status)
        {
            case "completed":
                return ExitCodes.Ok;
            case "completed_with_errors":
                terminal.Warn($"job {job.Id} completed with {job.FailedRecords} failed record(s); its failures say why.");
                return ExitCodes.Ok;
            case null:
                return new CommandError("The job's progress could not be read.").Print(terminal);
            default:
                return new CommandError($"Job {job.Id} ended {job.Status}{(job.StatusReason is { } reason ? $": {reason}" : ".")}").Print(terminal);
        }
    }
}
