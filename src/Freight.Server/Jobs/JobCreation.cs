using System.Text;
using System.Text.Json;
using Freight.Connectors;
using Freight.Core.Domain;
using Freight.Core.Hosting;
using Freight.Core.Idempotency;
using Freight.Core.Jobs;
using Freight.Server.Auth;
using Freight.Server.Connectors;
using Freight.Server.Errors;
using Freight.Server.Hosting;
using Freight.Server.Shared;

namespace Freight.Server.Jobs;

/// <summary>What creating a job needs besides the request.</summary>
public sealed record JobCreationServices(
    JobStore Jobs, IdempotencyStore Idempotency, ConnectorRegistry Registry, FreightSettings Settings, TimeProvider Time, ILoggerFactory Loggers)
{
    public ConnectorFactory Connectors() => new(Registry, Settings, Time, Loggers);
}

/// <summary>
/// <c>POST /api/v1/jobs</c>: checks the fields, builds both connectors from their configs (unknown systems,
/// refused configs and base URLs outside the outbound policy are 422 naming the field), verifies both sides'
/// credentials unless told not to (400 <c>invalid_credentials</c>, nothing stored), then stores the job. An
/// <c>Idempotency-Key</c> makes the request safe to repeat: the answer is stored for a day and replayed.
/// </summary>
public static class JobCreation
{
    public const string IdempotencyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public static async Task<IResult> CreateAsync(
        CreateJobRequest body, HttpContext context, [AsParameters] JobCreationServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(services);
        var validation = new Validation();
        var key = IdempotencyKey(context.Request, validation);
        if (body.Validate(validation) is not { } job)
        {
            return validation.Problem();
        }

        var factory = services.Connectors();
        await using var source = factory.Source(job.SourceSystem, job.SourceConfig, validation);
        await using var target = factory.Target(job.TargetSystem, job.TargetConfig, validation);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var tenantId = context.Caller().TenantId;
        var hash = body.Hash();
        if (key is not null && await services.Idempotency.BeginAsync(tenantId, key, hash, cancellationToken) is { } earlier)
        {
            return Replay(context, earlier, hash);
        }

        try
        {
            var (result, created) = await CreateAsync(
                job, body.ShouldVerifyCredentials ? (source!, target!) : null, tenantId, key, hash, services, cancellationToken);
            if (key is not null)
            {
                await (created is null
                    ? services.Idempotency.AbandonAsync(tenantId, key, CancellationToken.None)
                    : services.Idempotency.CompleteAsync(tenantId, key, StatusCodes.Status201Created,
                        JsonSerializer.Serialize(created, ServerJson.Options), CancellationToken.None));
            }

            return result;
        }
        catch when (key is not null)
        {
            await services.Idempotency.AbandonAsync(tenantId, key, CancellationToken.None);
            throw;
        }
    }

    private static async Task<(IResult Result, JobResponse? Created)> CreateAsync(
        ValidatedJob job,
        (ISourceConnector Source, ITargetConnector Target)? verify,
        Guid tenantId,
        string? key,
        string hash,
        JobCreationServices services,
        CancellationToken cancellationToken)
    {
        if (verify is var (source, target)
            && await CredentialChecks.RefusalAsync(source, target, services.Time, cancellationToken) is { } refused)
        {
            return (refused, null);
        }

        var creation = await services.Jobs.CreateAsync(
            new NewJob
            {
                TenantId = tenantId,
                SourceSystem = job.SourceSystem,
                TargetSystem = job.TargetSystem,
                SourceConfig = job.SourceConfig.GetRawText(),
                TargetConfig = job.TargetConfig.GetRawText(),
                BatchSize = job.BatchSize,
                RetryPolicy = job.RetryPolicy,
                Entities = job.Entities,
                DryRun = job.DryRun,
                IdempotencyKey = key,
                RequestHash = key is null ? null : hash,
            },
            cancellationToken);

        // A job stored under the key outlives the key's idempotency record: the same body still gets that job.
        if (!creation.Created && creation.Job.RequestHash != hash)
        {
            return (KeyReused(), null);
        }

        var response = JobResponse.From(creation.Job);
        return (TypedResults.Created(response.Links.Self, response), response);
    }

    private static string? IdempotencyKey(HttpRequest request, Validation validation)
    {
        if (!request.Headers.TryGetValue(IdempotencyHeader, out var values))
        {
            return null;
        }

        var key = values.Count == 1 ? values[0] : null;
        if (string.IsNullOrEmpty(key) || key.Length > IdempotencyRecord.MaxKeyLength)
        {
            validation.Add(IdempotencyHeader, "invalid", $"{IdempotencyHeader} must be one value of 1 to {IdempotencyRecord.MaxKeyLength} characters.");
            return null;
        }

        return key;
    }

    private static IResult Replay(HttpContext context, IdempotencyRecord earlier, string hash)
    {
        if (!earlier.IsCompleted)
        {
            return Problems.Conflict($"A request with this {IdempotencyHeader} is still being handled; repeat it once that one has finished.");
        }

        if (earlier.RequestHash != hash)
        {
            return KeyReused();
        }

        var body = earlier.ResponseBody ?? "";
        if (earlier.StatusCode == StatusCodes.Status201Created)
        {
            using var created = JsonDocument.Parse(body);
            context.Response.Headers.Location = created.RootElement.GetProperty("links").GetProperty("self").GetString();
        }

        context.Response.Headers[ReplayedHeader] = "true";
        return TypedResults.Content(body, "application/json", Encoding.UTF8, earlier.StatusCode);
    }

    private static IResult KeyReused() => Problems.Validation(
        [new ErrorDetail("reused", $"This {IdempotencyHeader} was used with a different request body; use a new key for a new request.", IdempotencyHeader)]);
}
