using Freight.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Freight.Core.Persistence.Configurations;

internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> builder)
    {
        builder.ToTable("jobs");
        builder.HasKey(job => job.Id).HasName("pk_jobs");
        builder.Ignore(job => job.IsFinished);
        builder.Property(job => job.ProtectedSourceConfig).HasColumnName("source_config");
        builder.Property(job => job.ProtectedTargetConfig).HasColumnName("target_config");
        builder.Property(job => job.RetryPolicy).HasConversion<RetryPolicyConverter>();
        builder.Property(job => job.Entities).HasConversion(new PhaseListConverter(), PhaseListConverter.Comparer);
        builder.Property(job => job.Version).IsConcurrencyToken();
        builder.Property(job => job.IdempotencyKey).HasMaxLength(Job.MaxIdempotencyKeyLength);

        // Claiming scans pending jobs and expired leases oldest first; the API lists a tenant's jobs newest first.
        builder.HasIndex(job => new { job.Status, job.CreatedAt }).HasDatabaseName("ix_jobs_status_created");
        builder.HasIndex(job => new { job.TenantId, job.CreatedAt }).HasDatabaseName("ix_jobs_tenant_created");
        builder.HasIndex(job => new { job.TenantId, job.Status, job.CreatedAt }).HasDatabaseName("ix_jobs_tenant_status_created");
        builder.HasIndex(job => new { job.TenantId, job.IdempotencyKey }).IsUnique().HasDatabaseName("ux_jobs_tenant_idempotency_key");

        builder.HasOne<Tenant>().WithMany().HasForeignKey(job => job.TenantId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_jobs_tenants");
        builder.HasMany(job => job.Phases).WithOne().HasForeignKey(phase => phase.JobId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_job_phases_jobs");
    }
}

internal sealed class JobPhaseConfiguration : IEntityTypeConfiguration<JobPhase>
{
    public void Configure(EntityTypeBuilder<JobPhase> builder)
    {
        builder.ToTable("job_phases");
        builder.HasKey(phase => new { phase.JobId, phase.Phase }).HasName("pk_job_phases");
    }
}
