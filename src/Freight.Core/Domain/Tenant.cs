namespace Freight.Core.Domain;

public sealed class Tenant
{
    public Guid Id { get; init; }

    public required string Name { get; set; }

    /// <summary>Unique, URL-friendly name chosen at creation.</summary>
    public required string Slug { get; init; }

    public TenantStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public static Tenant Create(string name, string slug, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), Name = name, Slug = slug, Status = TenantStatus.Active, CreatedAt = now };
}
