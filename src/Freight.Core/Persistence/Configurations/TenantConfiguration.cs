using Freight.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Freight.Core.Persistence.Configurations;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.ToTable("tenants");
        builder.HasKey(tenant => tenant.Id).HasName("pk_tenants");
        builder.HasIndex(tenant => tenant.Slug).IsUnique().HasDatabaseName("ux_tenants_slug");
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys");
        builder.HasKey(key => key.Id).HasName("pk_api_keys");
        builder.Ignore(key => key.IsRevoked);
        builder.HasIndex(key => key.Prefix).IsUnique().HasDatabaseName("ux_api_keys_prefix");
        builder.HasIndex(key => key.TenantId).HasDatabaseName("ix_api_keys_tenant");
        builder.HasOne<Tenant>().WithMany().HasForeignKey(key => key.TenantId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_api_keys_tenants");
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_records");
        builder.HasKey(record => new { record.TenantId, record.Key }).HasName("pk_idempotency_records");
        builder.Property(record => record.Key).HasMaxLength(IdempotencyRecord.MaxKeyLength);
        builder.Ignore(record => record.IsCompleted);
        builder.HasIndex(record => record.ExpiresAt).HasDatabaseName("ix_idempotency_records_expires");
        builder.HasOne<Tenant>().WithMany().HasForeignKey(record => record.TenantId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_idempotency_records_tenants");
    }
}
