using Freight.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Freight.Core.Persistence;

/// <summary>
/// Freight's database on SQLite or PostgreSQL. The model must stay identical on both (same CLR types, no
/// provider-specific configuration) because one set of migrations and one snapshot serve both providers.
/// </summary>
public sealed class FreightDbContext(DbContextOptions<FreightDbContext> options) : DbContext(options)
{
    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<Job> Jobs => Set<Job>();

    public DbSet<JobPhase> JobPhases => Set<JobPhase>();

    public DbSet<Batch> Batches => Set<Batch>();

    public DbSet<JobLog> JobLogs => Set<JobLog>();

    public DbSet<RecordMap> RecordMaps => Set<RecordMap>();

    public DbSet<FailedRecord> FailedRecords => Set<FailedRecord>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTimestampConverter>();
        StoreAsSnakeCase<TenantStatus>(configurationBuilder);
        StoreAsSnakeCase<JobStatus>(configurationBuilder);
        StoreAsSnakeCase<Phase>(configurationBuilder);
        StoreAsSnakeCase<PhaseStatus>(configurationBuilder);
        StoreAsSnakeCase<BatchStatus>(configurationBuilder);
        StoreAsSnakeCase<JobLogLevel>(configurationBuilder);
        StoreAsSnakeCase<RecordMapState>(configurationBuilder);
        StoreAsSnakeCase<FailureOrigin>(configurationBuilder);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FreightDbContext).Assembly);

        // Columns are the snake_case of property names unless a configuration named them.
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(entity => entity.GetProperties()))
        {
            if (property.GetColumnName() == property.Name)
            {
                property.SetColumnName(SnakeCase.Convert(property.Name));
            }
        }
    }

    private static void StoreAsSnakeCase<TEnum>(ModelConfigurationBuilder builder)
        where TEnum : struct, Enum =>
        builder.Properties<TEnum>().HaveConversion<SnakeCaseEnumConverter<TEnum>>();
}
