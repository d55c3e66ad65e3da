using Freight.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Freight.Core.Persistence.Configurations;

internal sealed class BatchConfiguration : IEntityTypeConfiguration<Batch>
{
    public void Configure(EntityTypeBuilder<Batch> builder)
    {
        builder.ToTable("batches");
        builder.HasKey(batch => batch.Id).HasName("pk_batches");
        builder.HasIndex(batch => new { batch.JobId, batch.Phase, batch.Sequence }).IsUnique().HasDatabaseName("ux_batches_job_phase_sequence");

        // The next pending batch of a phase, and a job's batches by status (retry, the API's filter).
        builder.HasIndex(batch => new { batch.JobId, batch.Status, batch.Phase, batch.Sequence }).HasDatabaseName("ix_batches_job_status");
        builder.HasOne<Job>().WithMany().HasForeignKey(batch => batch.JobId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_batches_jobs");
    }
}

internal sealed class FailedRecordConfiguration : IEntityTypeConfiguration<FailedRecord>
{
    public void Configure(EntityTypeBuilder<FailedRecord> builder)
    {
        builder.ToTable("failed_records");
        builder.HasKey(record => record.Id).HasName("pk_failed_records");
        builder.HasIndex(record => new { record.JobId, record.Id }).HasDatabaseName("ix_failed_records_job");
        builder.HasIndex(record => record.BatchId).HasDatabaseName("ix_failed_records_batch");
        builder.HasOne<Job>().WithMany().HasForeignKey(record => record.JobId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_failed_records_jobs");
        builder.HasOne<Batch>().WithMany().HasForeignKey(record => record.BatchId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_failed_records_batches");
    }
}
