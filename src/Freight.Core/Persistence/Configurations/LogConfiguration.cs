using Freight.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Freight.Core.Persistence.Configurations;

internal sealed class JobLogConfiguration : IEntityTypeConfiguration<JobLog>
{
    public void Configure(EntityTypeBuilder<JobLog> builder)
    {
        builder.ToTable("job_logs");
        builder.HasKey(log => log.Id).HasName("pk_job_logs");
        builder.HasIndex(log => new { log.JobId, log.Id }).HasDatabaseName("ix_job_logs_job");
        builder.HasIndex(log => new { log.JobId, log.Level, log.Id }).HasDatabaseName("ix_job_logs_job_level");
        builder.HasOne<Job>().WithMany().HasForeignKey(log => log.JobId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_job_logs_jobs");
    }
}

internal sealed class RecordMapConfiguration : IEntityTypeConfiguration<RecordMap>
{
    public void Configure(EntityTypeBuilder<RecordMap> builder)
    {
        builder.ToTable("record_maps");
        builder.HasKey(map => new { map.JobId, map.Entity, map.SourceId }).HasName("pk_record_maps");

        // After a crash: the intents whose outcome is unknown.
        builder.HasIndex(map => new { map.JobId, map.Entity, map.State }).HasDatabaseName("ix_record_maps_state");
        builder.HasOne<Job>().WithMany().HasForeignKey(map => map.JobId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_record_maps_jobs");
    }
}
