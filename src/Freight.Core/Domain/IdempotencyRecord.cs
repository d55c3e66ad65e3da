namespace Freight.Core.Domain;

/// <summary>
/// A request made with an <c>Idempotency-Key</c>, remembered per tenant until <see cref="ExpiresAt"/>. While
/// <see cref="StatusCode"/> is null the first request is still being handled.
/// </summary>
public sealed class IdempotencyRecord
{
    public const int MaxKeyLength = 255;

    public Guid TenantId { get; init; }

    public required string Key { get; init; }

    public required string RequestHash { get; init; }

    public int? StatusCode { get; set; }

    public string? ResponseBody { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public bool IsCompleted => StatusCode is not null;
}
