using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Freight.Core.Persistence.Migrations;

/// <summary>
/// The model as the migrations leave it, kept by hand (EF's design-time tools are not used). EF compares it
/// with <see cref="FreightDbContext"/>'s model to find pending changes; the migration tests fail when the two
/// differ and list the differences. Property types are the stored CLR types (DateTime for timestamps, string
/// for enums), without column types, so that each provider maps them as it maps the real model.
/// </summary>
[DbContext(typeof(FreightDbContext))]
internal sealed partial class FreightDbContextModelSnapshot : ModelSnapshot
{
    private const string Domain = "Freight.Core.Domain.";

    protected override void BuildModel(ModelBuilder modelBuilder)
    {
        modelBuilder.HasAnnotation("ProductVersion", "10.0.14");
        NpgsqlModelBuilderExtensions.UseIdentityByDefaultColumns(modelBuilder);

        Tenants(modelBuilder);
        Jobs(modelBuilder);
        Batches(modelBuilder);
        Logs(modelBuilder);
    }

    private static void Tenants(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity(Domain + "Tenant", b =>
        {
            b.Property<Guid>("Id").ValueGeneratedOnAdd().HasColumnName("id");
            b.Property<string>("Name").IsRequired().HasColumnName("name");
            b.Property<string>("Slug").IsRequired().HasColumnName("slug");
            b.Property<string>("Status").IsRequired().HasColumnName("status");
            b.Property<DateTime>("CreatedAt").HasColumnName("created_at");
            b.HasKey("Id").HasName("pk_tenants");
            b.HasIndex("Slug").IsUnique().HasDatabaseName("ux_tenants_slug");
            b.ToTable("tenants");
        });

        modelBuilder.Entity(Domain + "ApiKey", b =>
        {
            b.Property<Guid>("Id").ValueGeneratedOnAdd().HasColumnName("id");
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<string>("Prefix").IsRequired().HasColumnName("prefix");
            b.Property<byte[]>("Hash").IsRequired().HasColumnName("hash");
            b.Property<string>("Name").IsRequired().HasColumnName("name");
            b.Property<DateTime>("CreatedAt").HasColumnName("created_at");
            b.Property<DateTime?>("LastUsedAt").HasColumnName("last_used_at");
            b.Property<DateTime?>("RevokedAt").HasColumnName("revoked_at");
            b.HasKey("Id").HasName("pk_api_keys");
            b.HasIndex("Prefix").IsUnique().HasDatabaseName("ux_api_keys_prefix");
            b.HasIndex("TenantId").HasDatabaseName("ix_api_keys_tenant");
            b.ToTable("api_keys");
            b.HasOne(Domain + "Tenant", null).WithMany().HasForeignKey("TenantId")
                .OnDelete(DeleteBehavior.Cascade).IsRequired().HasConstraintName("fk_api_keys_tenants");
        });

        modelBuilder.Entity(Domain + "IdempotencyRecord", b =>
        {
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<string>("Key").HasMaxLength(255).HasColumnName("key");
            b.Property<string>("RequestHash").IsRequired().HasColumnName("request_hash");
            b.Property<int?>("StatusCode").HasColumnName("status_code");
            b.Property<string>("ResponseBody").HasColumnName("response_body");
            b.Property<DateTime>("CreatedAt").HasColumnName("created_at");
            b.Property<DateTime>("ExpiresAt").HasColumnName("expires_at");
            b.HasKey("TenantId", "Key").HasName("pk_idempotency_records");
            b.HasIndex("ExpiresAt").HasDatabaseName("ix_idempotency_records_expires");
            b.ToTable("idempotency_records");
            b.HasOne(Domain + "Tenant", null).WithMany().HasForeignKey("TenantId")
                .OnDelete(DeleteBehavior.Cascade).IsRequired().HasConstraintName("fk_idempotency_records_tenants");
        });
    }
}
