using System.CommandLine;
using System.Data.Common;
using System.Text.Json;
using Freight.Cli.Hosting;
using Freight.Cli.JobSpecs;
using Freight.Cli.Output;
using Freight.Connectors;
using Freight.Core.Domain;
using Freight.Core.Engine;
using Freight.Core.Hosting;
using Freight.Core.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Freight.Cli.Migrate;

/// <summary>
/// Runs <c>freight migrate</c>: checks both configs and credentials, finds the unfinished job of the same
/// migration or creates one, claims it, and runs it here with live progress until it ends or Ctrl+C.
/// </summary>
internal static class MigrateRun
{
    public static async Task<int> RunAsync(ParseResult parse, string? database, bool json, JobSpecOptions options, CancellationToken cancellationToken)
    {
        var terminal = Terminal.From(parse);
        FreightSettings settings;
        JobSpec spec;
        try
        {
            var configuration = CliHost.CreateBuilder(new Dictionary<string, string?> { ["Database"] = database }).Configuration;
            settings = FreightSettings.From(configuration);
            spec = options.Read(parse, CliSettings.Section(configuration));
        }
        catch (ArgumentException invalid)
        {
            return new CommandError($"Invalid settings: {invalid.Message}").Print(terminal);
        }

        // The operator runs this against addresses they chose themselves, so those hosts are allowed even when private.
        settings = settings with { MigrateOnStart = false, OutboundAllowlist = Allowlist(settings.OutboundAllowlist, spec) };
        ServiceProvider services;
        try
        {
            services = new ServiceCollection().AddFreight(settings, runWorker: false).AddSingleton<LocalJobs>().BuildServiceProvider();
        }
        catch (ArgumentException invalid)
        {
            return new CommandError($"Invalid settings: {invalid.Message}").Print(terminal);
        }

        await using (services.ConfigureAwait(false))
        {
            try
            {
                if (await CheckAsync(services, settings, spec, cancellationToken) is { } refused)
                {
                    return refused.Print(terminal);
                }

                await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
                return await RunJobAsync(services, terminal, spec, json, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return new CommandError("Stopped before the migration started.").Print(terminal);
            }
            catch (DbException failure)
            {
                return new CommandError($"Cannot use the database ({services.GetRequiredService<FreightDatabase>()}): {failure.Message}").Print(terminal);
            }
        }
    }

    private static async Task<int> RunJobAsync(IServiceProvider services, Terminal terminal, JobSpec spec, bool json, CancellationToken cancellationToken)
    {
        var local = services.GetRequiredService<LocalJobs>();
        var engine = services.GetRequiredService<EngineOptions>();
        var tenant = await local.TenantAsync(cancellationToken);
        var job = await local.FindUnfinishedAsync(tenant, spec, cancellationToken);
        if (job is null)
        {
            job = await local.CreateAsync(tenant, spec, cancellationToken);
            terminal.Note($"Migrating {spec.SourceSystem} → {spec.TargetSystem} as job {job.Id} in {services.GetRequiredService<FreightDatabase>()}.");
        }
        else
        {
            terminal.Note($"Resuming job {job.Id} ({job.ProcessedRecords} of {job.TotalRecords} records read so far are done).");
        }

        try
        {
            job = await local.ClaimAsync(job.Id, engine.WorkerId, engine.LeaseDuration, cancellationToken);
        }
        catch (StateTransitionException)
        {
            return new CommandError($"Job {job.Id} is running in another process (until {job.LeaseExpiresAt:u} at least); wait for it to end, or rerun after that.").Print(terminal);
        }

        var run = services.GetRequiredService<JobRunner>().RunAsync(job, cancellationToken);
        var last = await LiveProgress.ShowAsync(terminal, json, MigrationProgress.FollowAsync(services, job, run, CancellationToken.None));
        await run;
        if (cancellationToken.IsCancellationRequested)
        {
            return new CommandError($"Stopped; the checkpoint is kept. Run the same command again to continue job {job.Id}.").Print(terminal);
        }

        if (!json && last is not null)
        {
            MigrationSummary.Print(terminal, last);
        }

        return JobOutcome.ExitCode(terminal, last);
    }

    /// <summary>Unknown systems, bad configs and refused credentials are found here, before any job exists.</summary>
    private static async Task<CommandError?> CheckAsync(IServiceProvider services, FreightSettings settings, JobSpec spec, CancellationToken cancellationToken)
    {
        var registry = services.GetRequiredService<ConnectorRegistry>();
        var context = new ConnectorContext(TimeProvider.System, NullLoggerFactory.Instance, OutboundPolicy.Parse(settings.OutboundAllowlist));
        try
        {
            await using var source = registry.CreateSource(spec.SourceSystem, Json(spec.SourceConfig), context);
            await using var target = registry.CreateTarget(spec.TargetSystem, Json(spec.TargetConfig), context);
            return await VerifyAsync("source", spec.SourceSystem, source.VerifyCredentialsAsync, cancellationToken)
                ?? await VerifyAsync("target", spec.TargetSystem, target.VerifyCredentialsAsync, cancellationToken);
        }
        catch (KeyNotFoundException unknown)
        {
            return new CommandError(unknown.Message, CommandError.ValidationCode);
        }
        catch (ConnectorConfigException invalid)
        {
            return new CommandError("The source or target settings are not usable.", CommandError.ValidationCode, Details:
                [.. invalid.Problems.Select(problem => new ErrorDetail(problem.Field, problem.Message))]);
        }
    }

    private static async Task<CommandError?> VerifyAsync(
        string side, string system, Func<CancellationToken, Task<CredentialCheck>> verify, CancellationToken cancellationToken)
    {
        try
        {
            var check = await verify(cancellationToken);
            return check.Valid ? null : new CommandError($"The {side} ({system}) refused the credentials: {check.Problem}", "invalid_credentials");
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new CommandError($"The {side}'s credentials could not be checked ({error.Message}); check --{side}-url and that {system} is reachable.", "invalid_credentials");
        }
    }

    private static string? Allowlist(string? configured, JobSpec spec)
    {
        var hosts = new[] { spec.SourceConfig, spec.TargetConfig }
            .Select(config => config["base_url"]?.GetValue<string>())
            .Select(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : null)
            .OfType<string>()
            .Prepend(configured)
            .Where(host => !string.IsNullOrWhiteSpace(host));
        return string.Join(',', hosts) is { Length: > 0 } list ? list : null;
    }

    private static JsonElement Json(System.Text.Json.Nodes.JsonObject config) => JsonSerializer.SerializeToElement(config);
}
