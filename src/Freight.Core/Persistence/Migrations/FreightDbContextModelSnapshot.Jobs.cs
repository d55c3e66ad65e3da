using Microsoft.EntityFrameworkCore;

namespace Freight.Core.Persistence.Migrations;

internal sealed partial class FreightDbContextModelSnapshot
{
    private static void Jobs(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity(Domain + "Job", b =>
        {
            b.Property<Guid>("Id").ValueGeneratedOnAdd().HasColumnName("id");
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<string>("SourceSystem").IsRequired().HasColumnName("source_system");
            b.Property<string>("TargetSystem").IsRequired().HasColumnName("target_system");
            b.Property<string>("ProtectedSourceConfig").IsRequired().HasColumnName("source_config");
            b.Property<string>("ProtectedTargetConfig").IsRequired().HasColumnName("target_config");
            b.Property<int>("BatchSize").HasColumnName("batch_size");
            b.Property<string>("RetryPolicy").IsRequired().HasColumnName("retry_policy");
            b.Property<string>("Entities").IsRequired().HasColumnName("entities");
            b.Property<bool>("DryRun").HasColumnName("dry_run");
            b.Property<string>("Status").IsRequired().HasColumnName("status");
            b.Property<string>("StatusReason").HasColumnName("status_reason");
            b.Property<long>("TotalRecords").HasColumnName("total_records");
            b.Property<long>("ProcessedRecords").HasColumnName("processed_records");
            b.Property<long>("FailedRecords").HasColumnName("failed_records");
            b.Property<long>("SkippedRecords").HasColumnName("skipped_records");
            b.Property<long>("LogCount").HasColumnName("log_count");
            b.Property<DateTime>("CreatedAt").HasColumnName("created_at");
            b.Property<DateTime?>("StartedAt").HasColumnName("started_at");
            b.Property<DateTime?>("CompletedAt").HasColumnName("completed_at");
            b.Property<DateTime>("UpdatedAt").HasColumnName("updated_at");
            b.Property<string>("LeaseOwner").HasColumnName("lease_owner");
            b.Property<DateTime?>("LeaseExpiresAt").HasColumnName("lease_expires_at");
            b.Property<DateTime?>("HeartbeatAt").HasColumnName("heartbeat_at");
            b.Property<bool>("CancelRequested").HasColumnName("cancel_requested");
            b.Property<long>("Version").IsConcurrencyToken().HasColumnName("version");
            b.Property<string>("IdempotencyKey").HasMaxLength(255).HasColumnName("idempotency_key");
            b.Property<string>("RequestHash").HasColumnName("request_hash");
            b.HasKey("Id").HasName("pk_jobs");
            b.HasIndex("Status", "CreatedAt").HasDatabaseName("ix_jobs_status_created");
            b.HasIndex("TenantId", "CreatedAt").HasDatabaseName("ix_jobs_tenant_created");
            b.HasIndex("TenantId", "Status", "CreatedAt").HasDatabaseName("ix_jobs_tenant_status_created");
            b.HasIndex("TenantId", "IdempotencyKey").IsUnique().HasDatabaseName("ux_jobs_tenant_idempotency_key");
            b.ToTable("jobs");
            b.HasOne(Domain + "Tenant", null).WithMany().HasForeignKey("TenantId")
                .OnDelete(DeleteBehavior.Cascade).IsRequired().HasConstraintName("fk_jobs_tenants");
        });

        modelBuilder.Entity(Domain + "JobPhase", b =>
        {
            b.Property<Guid>("JobId").HasColumnName("job_id");
            b.Property<string>("Phase").HasColumnName("phase");
            b.Property<string>("Status").IsRequired().HasColumnName("status");
            b.Property<string>("SourceCursor").HasColumnName("source_cursor");
            b.Property<bool>("SourceCompleted").HasColumnName("source_completed");
            b.Property<long>("RecordsRead").HasColumnName("records_read");
            b.Property<long>("RecordsWritten").HasColumnName("records_written");
            b.Property<long>("RecordsFailed").HasColumnName("records_failed");
            b.Property<long>("RecordsSkipped").HasColumnName("records_skipped");
            b.HasKey("JobId", "Phase").HasName("pk_job_phases");
            b.ToTable("job_phases");
            b.HasOne(Domain + "Job", null).WithMany("Phases").HasForeignKey("JobId")
                .OnDelete(DeleteBehavior.Cascade).IsRequired().HasConstraintName("fk_job_phases_jobs");
        });

        modelBuilder.Entity(Domain + "Job", b => b.Navigation("Phases"));
    }

    private static void Batches(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity(Domain + "Batch", b =>
        {
            b.Property<Guid>("Id").ValueGeneratedOnAdd().HasColumnName("id");
            b.Property<Guid>("JobId").HasColumnName("job_id");
            b.Property<string>("Phase").IsRequired().HasColumnName("phase");
            b.Property<int>("Sequence").HasColumnName("sequence");
            b.Property<string>("Status").IsRequired().HasColumnName("status");
            b.Property<int>("Attempts").HasColumnName("attempts");
            b.Property<int>("RecordCount").HasColumnName("record_count");
            b.Property<byte[]>("Payload").HasColumnName("payload");
            b.Property<string>("Error").HasColumnName("error");
            b.Property<DateTime>("CreatedAt").HasColumnName("created_at");
            b.Property<DateTime?>("StartedAt").HasColumnName("started_at");
            b.Property<DateTime?>("CompletedAt").HasColumnName("completed_at");
            b.HasKey("Id").HasName("pk_batches");
            b.HasIndex("JobId", "Phase", "Sequence").IsUnique().HasDatabaseName("ux_batches_job_phase_sequence");
            b.HasIndex("JobId", "Status", "Phase", "Sequence").HasDatabaseName("ix_batches_job_status");
            b.ToTable("batches");
            b.HasOne(Domain + "Job", null).WithMany().HasForeignKey("JobId")
                .OnDelete(DeleteBehavior.Cascade).IsRequired().HasConstraintName("fk_batches_jobs");
        });

        modelBuilder.Entity(Domain + "FailedRecord", b =>
        {
            b.Property<long>("Id").ValueGeneratedOnAdd().HasColumnName("id");
            NpgsqlPropertyBuilderExtensions.UseIdentityByDefaultColumn(b.Property<long>("Id"));
            b.Property<Guid>("JobId").HasColumnName("job_id");
            b.Property<Guid?>("BatchId").HasColumnName("batch_id");
            b.Property<string>("Entity").IsRequired().HasColumnName("entity");
            b.Property<string>("SourceId").IsRequired().HasColumnName("source_id");
            b.Property<string>("Payload").HasColumnName("payload");
            b.Property<string>("Origin").IsRequired().HasColumnName("origin");
            b.Property<string>("ErrorCode").IsRequired().HasColumnName("error_code");
            b.Property<string>("Message").IsRequired().HasColumnName("message");
            b.Property<bool>("Retryable").HasColumnName("retryable");
            b.Property<DateTime>("CreatedAt").HasColumnName("created_at");
            b.HasKey("Id").HasName("pk_failed_records");
            b.HasIndex("JobId", "Id").HasDatabaseName("ix_failed_records_job");
            b.HasIndex("BatchId").HasDatabaseName("ix_failed_records_batch");
            b.ToTable("failed_records");
            b.HasOne(Domain + "Job", null).WithMany().HasForeignKey("JobId")
                .OnDelete(DeleteBehavior.Cascade).IsRequired().HasConstraintName("fk_failed_records_jobs");
            b.HasOne(Domain + "Batch", null).WithMany().HasForeignKey("BatchId")
                .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_failed_records_batches");
        });
    }

    private static void Logs(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity(Domain + "JobLog", b =>
        {
            b.Property<long>("Id").ValueGeneratedOnAdd().HasColumnName("id");
            NpgsqlPropertyBuilderExtensions.UseIdentityByDefaultColumn(b.Property<long>("Id"));
            b.Property<Guid>("JobId").HasColumnName("job_id");
            b.Property<string>("Level").IsRequired().HasColumnName("level");
            b.Property<string>("Message").IsRequired().HasColumnName("message");
            b.Property<string>("Entity").HasColumnName("entity");
            b.Property<Guid?>("BatchId").HasColumnName("batch_id");
            b.Property<DateTime>("CreatedAt").HasColumnName("created_at");
            b.HasKey("Id").HasName("pk_job_logs");
            b.HasIndex("JobId", "Id").HasDatabaseName("ix_job_logs_job");
            b.HasIndex("JobId", "Level", "Id").HasDatabaseName("ix_job_logs_job_level");
            b.ToTable("job_logs");
            b.HasOne(Domain + "Job", null).WithMany().HasForeignKey("JobId")
                .OnDelete(DeleteBehavior.Cascade).IsRequired().HasConstraintName("fk_job_logs_jobs");
        });

        modelBuilder.Entity(Domain + "RecordMap", b =>
        {
            b.Property<Guid>("JobId").HasColumnName("job_id");
            b.Property<string>("Entity").HasColumnName("entity");
            b.Property<string>("SourceId").HasColumnName("source_id");
            b.Property<string>("TargetId").HasColumnName("target_id");
            b.Property<string>("State").IsRequired().HasColumnName("state");
            b.Property<DateTime>("UpdatedAt").HasColumnName("updated_at");
            b.HasKey("JobId", "Entity", "SourceId").HasName("pk_record_maps");
            b.HasIndex("JobId", "Entity", "State").HasDatabaseName("ix_record_maps_state");
            b.ToTable("record_maps");
            b.HasOne(Domain + "Job", null).WithMany().HasForeignKey("JobId")
                .OnDelete(DeleteBehavior.Cascade).IsRequired().HasConstraintName("fk_record_maps_jobs");
        });
    }
}
