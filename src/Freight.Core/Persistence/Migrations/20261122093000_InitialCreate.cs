using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Freight.Core.Persistence.Migrations;

/// <summary>
/// The first schema. Written by hand for both providers: columns name CLR types only, so each provider picks
/// its own store type (uuid/TEXT, timestamp with time zone/TEXT, bytea/BLOB), and the identity columns carry
/// both providers' annotations; each provider reads its own.
/// </summary>
[DbContext(typeof(FreightDbContext))]
[Migration("20261122093000_InitialCreate")]
internal sealed class InitialCreate : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "tenants",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                name = table.Column<string>(nullable: false),
                slug = table.Column<string>(nullable: false),
                status = table.Column<string>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_tenants", x => x.id));

        migrationBuilder.CreateTable(
            name: "api_keys",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                tenant_id = table.Column<Guid>(nullable: false),
                prefix = table.Column<string>(nullable: false),
                hash = table.Column<byte[]>(nullable: false),
                name = table.Column<string>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                last_used_at = table.Column<DateTime>(nullable: true),
                revoked_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_api_keys", x => x.id);
                table.ForeignKey("fk_api_keys_tenants", x => x.tenant_id, "tenants", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "idempotency_records",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                key = table.Column<string>(maxLength: 255, nullable: false),
                request_hash = table.Column<string>(nullable: false),
                status_code = table.Column<int>(nullable: true),
                response_body = table.Column<string>(nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
                expires_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_idempotency_records", x => new { x.tenant_id, x.key });
                table.ForeignKey("fk_idempotency_records_tenants", x => x.tenant_id, "tenants", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "jobs",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                tenant_id = table.Column<Guid>(nullable: false),
                source_system = table.Column<string>(nullable: false),
                target_system = table.Column<string>(nullable: false),
                source_config = table.Column<string>(nullable: false),
                target_config = table.Column<string>(nullable: false),
                batch_size = table.Column<int>(nullable: false),
                retry_policy = table.Column<string>(nullable: false),
                entities = table.Column<string>(nullable: false),
                dry_run = table.Column<bool>(nullable: false),
                status = table.Column<string>(nullable: false),
                status_reason = table.Column<string>(nullable: true),
                total_records = table.Column<long>(nullable: false),
                processed_records = table.Column<long>(nullable: false),
                failed_records = table.Column<long>(nullable: false),
                skipped_records = table.Column<long>(nullable: false),
                log_count = table.Column<long>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                started_at = table.Column<DateTime>(nullable: true),
                completed_at = table.Column<DateTime>(nullable: true),
                updated_at = table.Column<DateTime>(nullable: false),
                lease_owner = table.Column<string>(nullable: true),
                lease_expires_at = table.Column<DateTime>(nullable: true),
                heartbeat_at = table.Column<DateTime>(nullable: true),
                cancel_requested = table.Column<bool>(nullable: false),
                version = table.Column<long>(nullable: false),
                idempotency_key = table.Column<string>(maxLength: 255, nullable: true),
                request_hash = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_jobs", x => x.id);
                table.ForeignKey("fk_jobs_tenants", x => x.tenant_id, "tenants", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "job_phases",
            columns: table => new
            {
                job_id = table.Column<Guid>(nullable: false),
                phase = table.Column<string>(nullable: false),
                status = table.Column<string>(nullable: false),
                source_cursor = table.Column<string>(nullable: true),
                source_completed = table.Column<bool>(nullable: false),
                records_read = table.Column<long>(nullable: false),
                records_written = table.Column<long>(nullable: false),
                records_failed = table.Column<long>(nullable: false),
                records_skipped = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_job_phases", x => new { x.job_id, x.phase });
                table.ForeignKey("fk_job_phases_jobs", x => x.job_id, "jobs", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "batches",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                job_id = table.Column<Guid>(nullable: false),
                phase = table.Column<string>(nullable: false),
                sequence = table.Column<int>(nullable: false),
                status = table.Column<string>(nullable: false),
                attempts = table.Column<int>(nullable: false),
                record_count = table.Column<int>(nullable: false),
                payload = table.Column<byte[]>(nullable: true),
                error = table.Column<string>(nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
                started_at = table.Column<DateTime>(nullable: true),
                completed_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_batches", x => x.id);
                table.ForeignKey("fk_batches_jobs", x => x.job_id, "jobs", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "job_logs",
            columns: table => new
            {
                id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                job_id = table.Column<Guid>(nullable: false),
                level = table.Column<string>(nullable: false),
                message = table.Column<string>(nullable: false),
                entity = table.Column<string>(nullable: true),
                batch_id = table.Column<Guid>(nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_job_logs", x => x.id);
                table.ForeignKey("fk_job_logs_jobs", x => x.job_id, "jobs", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "record_maps",
            columns: table => new
            {
                job_id = table.Column<Guid>(nullable: false),
                entity = table.Column<string>(nullable: false),
                source_id = table.Column<string>(nullable: false),
                target_id = table.Column<string>(nullable: true),
                state = table.Column<string>(nullable: false),
                updated_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_record_maps", x => new { x.job_id, x.entity, x.source_id });
                table.ForeignKey("fk_record_maps_jobs", x => x.job_id, "jobs", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "failed_records",
            columns: table => new
            {
                id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                job_id = table.Column<Guid>(nullable: false),
                batch_id = table.Column<Guid>(nullable: true),
                entity = table.Column<string>(nullable: false),
                source_id = table.Column<string>(nullable: false),
                payload = table.Column<string>(nullable: true),
                origin = table.Column<string>(nullable: false),
                error_code = table.Column<string>(nullable: false),
                message = table.Column<string>(nullable: false),
                retryable = table.Column<bool>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_failed_records", x => x.id);
                table.ForeignKey("fk_failed_records_jobs", x => x.job_id, "jobs", "id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_failed_records_batches", x => x.batch_id, "batches", "id", onDelete: ReferentialAction.Cascade);
            });

        CreateIndexes(migrationBuilder);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in (string[])["failed_records", "record_maps", "job_logs", "batches", "job_phases", "jobs", "idempotency_records", "api_keys", "tenants"])
        {
            migrationBuilder.DropTable(table);
        }
    }

    private static void CreateIndexes(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateIndex("ux_tenants_slug", "tenants", "slug", unique: true);
        migrationBuilder.CreateIndex("ux_api_keys_prefix", "api_keys", "prefix", unique: true);
        migrationBuilder.CreateIndex("ix_api_keys_tenant", "api_keys", "tenant_id");
        migrationBuilder.CreateIndex("ix_idempotency_records_expires", "idempotency_records", "expires_at");
        migrationBuilder.CreateIndex("ix_jobs_status_created", "jobs", ["status", "created_at"]);
        migrationBuilder.CreateIndex("ix_jobs_tenant_created", "jobs", ["tenant_id", "created_at"]);
        migrationBuilder.CreateIndex("ix_jobs_tenant_status_created", "jobs", ["tenant_id", "status", "created_at"]);
        migrationBuilder.CreateIndex("ux_jobs_tenant_idempotency_key", "jobs", ["tenant_id", "idempotency_key"], unique: true);
        migrationBuilder.CreateIndex("ux_batches_job_phase_sequence", "batches", ["job_id", "phase", "sequence"], unique: true);
        migrationBuilder.CreateIndex("ix_batches_job_status", "batches", ["job_id", "status", "phase", "sequence"]);
        migrationBuilder.CreateIndex("ix_job_logs_job", "job_logs", ["job_id", "id"]);
        migrationBuilder.CreateIndex("ix_job_logs_job_level", "job_logs", ["job_id", "level", "id"]);
        migrationBuilder.CreateIndex("ix_record_maps_state", "record_maps", ["job_id", "entity", "state"]);
        migrationBuilder.CreateIndex("ix_failed_records_job", "failed_records", ["job_id", "id"]);
        migrationBuilder.CreateIndex("ix_failed_records_batch", "failed_records", "batch_id");
    }
}
