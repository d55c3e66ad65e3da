using Freight.Core.Persistence;

namespace Freight.Core.Tests.Databases;

/// <summary>Literals for raw SQL in tests, written as each provider stores them.</summary>
internal static class Sql
{
    // EF stores a Guid as uppercase text on SQLite and as uuid on PostgreSQL.
    public static string Id(TestDatabase db, Guid id) =>
        db.Provider == DatabaseProvider.Sqlite ? $"'{id.ToString().ToUpperInvariant()}'" : $"'{id}'";
}
