using Freight.Core.Persistence;

namespace Freight.Core.Tests.Persistence;

public sealed class FreightDatabaseTests
{
    [Theory]
    [InlineData("Host=db.internal;Database=freight;Username=freight;Password=s3cret")]
    [InlineData("Server=127.0.0.1;Port=5433;Database=freight")]
    [InlineData("  host=db;database=freight  ")]
    public void A_connection_string_with_a_host_is_PostgreSQL(string value)
    {
        var database = FreightDatabase.Parse(value);

        Assert.Equal(DatabaseProvider.PostgreSql, database.Provider);
        Assert.Equal(value.Trim(), database.ConnectionString);
    }

    [Theory]
    [InlineData("Data Source=/var/lib/freight/freight.db", "/var/lib/freight/freight.db")]
    [InlineData("/var/lib/freight/freight.db", "/var/lib/freight/freight.db")]
    [InlineData("/data/a=b.db", "/data/a=b.db")]
    public void A_path_or_a_data_source_is_SQLite(string value, string file)
    {
        var database = FreightDatabase.Parse(value);

        Assert.Equal(DatabaseProvider.Sqlite, database.Provider);
        Assert.Equal($"SQLite {file}", database.ToString());
    }

    [Fact]
    public void A_relative_path_is_a_SQLite_file_in_the_working_directory()
    {
        var database = FreightDatabase.Parse("freight.db");

        Assert.Equal($"SQLite {Path.Combine(Directory.GetCurrentDirectory(), "freight.db")}", database.ToString());
    }

    [Fact]
    public void The_description_never_shows_the_password()
    {
        var database = FreightDatabase.Parse("Host=db.internal;Port=5433;Database=freight;Username=app;Password=s3cret");

        Assert.Equal("PostgreSQL db.internal:5433/freight as app", database.ToString());
    }
}
