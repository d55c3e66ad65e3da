using Freight.Core.Persistence;
using Freight.Core.Tests.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Freight.Core.Tests.Persistence;

/// <summary>
/// A schema as sorted lines (columns with store type, nullability and identity; indexes; foreign keys;
/// constraint names), read from EF's model or from a real database, so the two can be compared line by line.
/// </summary>
internal static class SchemaDescription
{
    public static SortedSet<string> FromModel(FreightDbContext context, DatabaseProvider provider)
    {
        var model = context.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var table in model.Tables)
        {
            foreach (var column in table.Columns)
            {
                lines.Add(ColumnLine(table.Name, column.Name, column.StoreType, column.IsNullable, IsIdentity(column, provider)));
            }

            foreach (var index in table.Indexes)
            {
                lines.Add(IndexLine(table.Name, index.Name, index.IsUnique, index.Columns.Select(column => column.Name)));
            }

            foreach (var key in table.ForeignKeyConstraints)
            {
                lines.Add(ForeignKeyLine(table.Name, key.Columns.Select(column => column.Name), key.PrincipalTable.Name, Action(key.OnDeleteAction)));
            }

            var constraints = table.ForeignKeyConstraints.Select(key => key.Name).Append(table.PrimaryKey!.Name);
            lines.Add(ConstraintsLine(table.Name, constraints));
        }

        return lines;
    }

    public static async Task<SortedSet<string>> FromDatabaseAsync(TestDatabase db) =>
        db.Provider == DatabaseProvider.Sqlite ? await SqliteSchema.ReadAsync(db) : await PostgresSchema.ReadAsync(db);

    public static string ColumnLine(string table, string column, string type, bool nullable, bool identity) =>
        $"column {table}.{column} {type}{(nullable ? " NULL" : " NOT NULL")}{(identity ? " IDENTITY" : "")}";

    public static string IndexLine(string table, string name, bool unique, IEnumerable<string> columns) =>
        $"index {table}.{name}{(unique ? " UNIQUE" : "")} ({string.Join(", ", columns)})";

    public static string ForeignKeyLine(string table, IEnumerable<string> columns, string principal, string onDelete) =>
        $"foreign key {table}({string.Join(", ", columns)}) -> {principal} ON DELETE {onDelete}";

    public static string ConstraintsLine(string table, IEnumerable<string> names) =>
        $"constraints {table}: {string.Join(", ", names.Order(StringComparer.Ordinal))}";

    private static bool IsIdentity(IColumn column, DatabaseProvider provider) => provider == DatabaseProvider.Sqlite
        ? column["Sqlite:Autoincrement"] is true
        : column["Npgsql:ValueGenerationStrategy"] is NpgsqlValueGenerationStrategy.IdentityByDefaultColumn;

    private static string Action(ReferentialAction action) => action switch
    {
        ReferentialAction.Cascade => "CASCADE",
        ReferentialAction.SetNull => "SET NULL",
        ReferentialAction.Restrict => "RESTRICT",
        _ => "NO ACTION",
    };
}
