using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Freight.Core.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// Which database <c>FREIGHT_DATABASE</c> names: a PostgreSQL connection string (<c>Host=…;Database=…</c>), a
/// SQLite connection string (<c>Data Source=…</c>), or else a path to a SQLite file.
/// </summary>
public sealed record FreightDatabase
{
    private FreightDatabase(DatabaseProvider provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public static FreightDatabase Parse(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        var text = value.Trim();
        if (TryParseConnectionString(text) is { } builder)
        {
            if (builder.ContainsKey("Host") || builder.ContainsKey("Server"))
            {
                return new(DatabaseProvider.PostgreSql, text);
            }

            if (builder.ContainsKey("Data Source") || builder.ContainsKey("DataSource") || builder.ContainsKey("Filename"))
            {
                return new(DatabaseProvider.Sqlite, text);
            }
        }

        var file = new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(text) };
        return new(DatabaseProvider.Sqlite, file.ToString());
    }

    /// <summary>The provider and where the data is, without the password: safe to print and log.</summary>
    public override string ToString()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            return $"SQLite {new SqliteConnectionStringBuilder(ConnectionString).DataSource}";
        }

        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database} as {builder.Username}";
    }

    private static DbConnectionStringBuilder? TryParseConnectionString(string text)
    {
        if (!text.Contains('=', StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            return new DbConnectionStringBuilder { ConnectionString = text };
        }
        catch (ArgumentException)
        {
            return null; // a file path that happens to contain '='
        }
    }
}
