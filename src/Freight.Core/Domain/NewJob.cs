namespace Freight.Core.Domain;

/// <summary>
/// What a job is created from. The configs are plaintext here (JSON with credentials); <see cref="Job.Create"/>
/// encrypts them before they reach the entity.
/// </summary>
public sealed record NewJob
{
    public required Guid TenantId { get; init; }

    public required string SourceSystem { get; init; }

    public required string TargetSystem { get; init; }

    public required string SourceConfig { get; init; }

    public required string TargetConfig { get; init; }

    public int BatchSize { get; init; } = Job.DefaultBatchSize;

    public RetryPolicy RetryPolicy { get; init; } = RetryPolicy.Default;

    /// <summary>Selected entities; empty means all of them.</summary>
    public IReadOnlyList<Phase> Entities { get; init; } = [];

    public bool DryRun { get; init; }

    /// <summary>The creating request's <c>Idempotency-Key</c>, unique per tenant; null without one.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>Hash of the creating request's body, to tell a replay from a reused key.</summary>
    public string? RequestHash { get; init; }
}
