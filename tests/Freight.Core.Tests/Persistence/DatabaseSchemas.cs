using System.Globalization;
using System.Text.RegularExpressions;
using Freight.Core.Tests.Databases;

namespace Freight.Core.Tests.Persistence;

/// <summary>Reads a SQLite database's schema from its catalog, as <see cref="SchemaDescription"/> lines.</summary>
internal static partial class SqliteSchema
{
    public static async Task<SortedSet<string>> ReadAsync(TestDatabase db)
    {
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        var tables = await db.RowsAsync("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        foreach (var table in tables.Select(row => (Name: (string)row[0]!, Sql: (string)row[1]!)).Where(table => !table.Name.StartsWith("__EF", StringComparison.Ordinal)))
        {
            var autoincrement = table.Sql.Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase);
            foreach (var column in await db.RowsAsync($"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table.Name}')"))
            {
                var isKey = Convert.ToInt64(column[3], CultureInfo.InvariantCulture) > 0;
                lines.Add(SchemaDescription.ColumnLine(
                    table.Name, (string)column[0]!, (string)column[1]!, Convert.ToInt64(column[2], CultureInfo.InvariantCulture) == 0, autoincrement && isKey));
            }

            foreach (var index in await db.RowsAsync($"SELECT name, \"unique\" FROM pragma_index_list('{table.Name}') WHERE origin = 'c'"))
            {
                var name = (string)index[0]!;
                var columns = await db.RowsAsync($"SELECT name FROM pragma_index_info('{name}') ORDER BY seqno");
                lines.Add(SchemaDescription.IndexLine(table.Name, name, Convert.ToInt64(index[1], CultureInfo.InvariantCulture) == 1, columns.Select(row => (string)row[0]!)));
            }

            var keys = await db.RowsAsync($"SELECT id, \"table\", \"from\", on_delete FROM pragma_foreign_key_list('{table.Name}') ORDER BY id, seq");
            foreach (var key in keys.GroupBy(row => Convert.ToInt64(row[0], CultureInfo.InvariantCulture)))
            {
                var first = key.First();
                lines.Add(SchemaDescription.ForeignKeyLine(table.Name, key.Select(row => (string)row[2]!), (string)first[1]!, (string)first[3]!));
            }

            lines.Add(SchemaDescription.ConstraintsLine(table.Name, ConstraintName().Matches(table.Sql).Select(match => match.Groups[1].Value)));
        }

        return lines;
    }

    [GeneratedRegex("CONSTRAINT \"([^\"]+)\"")]
    private static partial Regex ConstraintName();
}

/// <summary>Reads a PostgreSQL database's schema from its catalog, as <see cref="SchemaDescription"/> lines.</summary>
internal static class PostgresSchema
{
    public static async Task<SortedSet<string>> ReadAsync(TestDatabase db)
    {
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        var columns = await db.RowsAsync("""
            SELECT table_name, column_name, data_type, character_maximum_length, is_nullable, is_identity
            FROM information_schema.columns WHERE table_schema = 'public'
            """);
        foreach (var column in columns.Where(row => IsOurs(row[0])))
        {
            var type = column[3] is int length ? $"{column[2]}({length})" : (string)column[2]!;
            lines.Add(SchemaDescription.ColumnLine((string)column[0]!, (string)column[1]!, type, (string)column[4]! == "YES", (string)column[5]! == "YES"));
        }

        var indexes = await db.RowsAsync("""
            SELECT t.relname, i.relname, x.indisunique,
                   array_to_string(ARRAY(SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY AS k(attnum, ord)
                       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord), ',')
            FROM pg_index x
            JOIN pg_class t ON t.oid = x.indrelid
            JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = 'public' AND NOT x.indisprimary
            """);
        foreach (var index in indexes.Where(row => IsOurs(row[0])))
        {
            lines.Add(SchemaDescription.IndexLine((string)index[0]!, (string)index[1]!, (bool)index[2]!, ((string)index[3]!).Split(',')));
        }

        var constraints = await db.RowsAsync("""
            SELECT c.conrelid::regclass::text, c.conname, c.contype::text, c.confrelid::regclass::text, c.confdeltype::text,
                   array_to_string(ARRAY(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
                       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.ord), ',')
            FROM pg_constraint c
            JOIN pg_namespace n ON n.oid = c.connamespace
            WHERE n.nspname = 'public' AND c.contype IN ('p', 'f')
            """);
        foreach (var key in constraints.Where(row => IsOurs(row[0]) && (string)row[2]! == "f"))
        {
            lines.Add(SchemaDescription.ForeignKeyLine((string)key[0]!, ((string)key[5]!).Split(','), (string)key[3]!, OnDelete((string)key[4]!)));
        }

        foreach (var table in constraints.Where(row => IsOurs(row[0])).GroupBy(row => (string)row[0]!))
        {
            lines.Add(SchemaDescription.ConstraintsLine(table.Key, table.Select(row => (string)row[1]!)));
        }

        return lines;
    }

    private static bool IsOurs(object? table) => !((string)table!).Trim('"').StartsWith("__EF", StringComparison.Ordinal);

    private static string OnDelete(string code) => code switch
    {
        "c" => "CASCADE",
        "n" => "SET NULL",
        "r" => "RESTRICT",
        _ => "NO ACTION",
    };
}
