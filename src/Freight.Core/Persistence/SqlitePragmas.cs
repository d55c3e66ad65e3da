using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Freight.Core.Persistence;

/// <summary>
/// Sets each SQLite connection up as it opens: a busy timeout, so a writer waits for another connection's lock
/// instead of failing with "database is locked", and WAL, so readers never block the writer and vice versa.
/// </summary>
internal sealed class SqlitePragmas(TimeSpan busyTimeout) : DbConnectionInterceptor
{
    private readonly string _sql = string.Create(
        CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {(long)busyTimeout.TotalMilliseconds}; PRAGMA journal_mode = WAL;");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = Create(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = Create(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private DbCommand Create(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = _sql;
        return command;
    }
}
