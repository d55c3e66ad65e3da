using System.CommandLine;
using System.Text.Json;
using Freight.Cli.Hosting;
using Freight.Cli.JobSpecs;
using Freight.Cli.Output;
using Freight.Cli.Remote;
using Freight.Client;

namespace Freight.Cli.Jobs;

/// <summary><c>freight jobs create</c>: a job from flags, or from the API's JSON body in a file.</summary>
internal static class JobsCreate
{
    public static Command Create(ConnectionOptions connection)
    {
        var spec = new JobSpecOptions();
        var file = new Option<FileInfo?>("--file") { Description = "The job as the API's JSON body (source_system, source_config, ...); replaces the source and target flags." };
        var idempotencyKey = new Option<string?>("--idempotency-key") { Description = "Sent as Idempotency-Key (up to 255 characters): running the command again returns the same job." };
        var noVerify = new Option<bool>("--no-verify") { Description = "Do not check both sides' credentials before the job is accepted." };
        var json = JsonOutput.Flag();
        var command = new Command("create", """
            Create a job; the server's worker runs it. Prints the new job (its id first); follow it with freight jobs watch.
            Keys also come from FREIGHT_SOURCE_KEY and FREIGHT_TARGET_KEY.

            Examples:
              freight jobs create --source-key $AFFINITY_KEY --target-key $ATTIO_KEY --entities companies,people
              freight jobs create --source-url http://127.0.0.1:5101 --source-key KEY1 --target-url http://127.0.0.1:5102 --target-key KEY2 --batch-size 500
              freight jobs create --file job.json --idempotency-key import-2026-11-22 --json
            """)
        {
            file,
            idempotencyKey,
            noVerify,
            json,
        };
        spec.AddTo(command);
        idempotencyKey.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { Length: 0 or > 255 })
            {
                result.AddError("--idempotency-key must have 1 to 255 characters.");
            }
        });
        command.Validators.Add(result =>
        {
            if (result.GetResult(file) is { Implicit: false }
                && spec.All.Any(option => result.GetResult(option) is { Implicit: false }))
            {
                result.AddError("--file holds the whole job: leave out the source, target, batch and entity flags.");
            }
        });
        command.SetAction((parse, cancellationToken) => ApiCall.RunAsync(parse, connection, async (client, terminal) =>
        {
            var request = parse.GetValue(file) is { } path ? await ReadAsync(path, cancellationToken) : FromFlags(spec.Read(parse, CliSettings.Load()));
            if (request.Error is { } error)
            {
                return error.Print(terminal);
            }

            var body = parse.GetValue(noVerify) ? request.Body! with { VerifyCredentials = false } : request.Body!;
            return ApiCall.Show(terminal, await client.Jobs.CreateAsync(body, parse.GetValue(idempotencyKey), cancellationToken), parse.GetValue(json), job =>
            {
                terminal.Output.WriteLine($"{job.Id}");
                terminal.Note($"Created job {job.Id} ({job.SourceSystem} → {job.TargetSystem}, {Names.Of(job.Status)}); follow it with: freight jobs watch {job.Id}");
            });
        }));
        return command;
    }

    private static (CreateJobRequest? Body, CommandError? Error) FromFlags(JobSpec spec) =>
        (new CreateJobRequest(spec.SourceSystem, spec.TargetSystem, spec.SourceConfig, spec.TargetConfig)
        {
            BatchSize = spec.BatchSize,
            Entities = spec.Entities?.Select(name => Enum.GetValues<Phase>().Single(phase => Names.Of(phase) == name)).ToList(),
            DryRun = spec.DryRun ? true : null,
        }, null);

    private static async Task<(CreateJobRequest? Body, CommandError? Error)> ReadAsync(FileInfo file, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = file.OpenRead();
            var body = await JsonSerializer.DeserializeAsync<CreateJobRequest>(stream, FreightJson.Options, cancellationToken);
            return body is null ? (null, Invalid(file, "it holds null, not a job.")) : (body, null);
        }
        catch (JsonException invalid)
        {
            return (null, Invalid(file, invalid.Message));
        }
        catch (IOException unreadable)
        {
            return (null, new CommandError($"Cannot read {file.FullName}: {unreadable.Message}"));
        }
        catch (UnauthorizedAccessException denied)
        {
            return (null, new CommandError($"Cannot read {file.FullName}: {denied.Message}"));
        }
    }

    private static CommandError Invalid(FileInfo file, string why) =>
        new($"{file.Name} is not a job's JSON body: {why}", CommandError.ValidationCode);
}
