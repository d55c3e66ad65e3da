using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Freight.Core.Persistence.Changes;

/// <summary>
/// SQLite's <c>PRAGMA data_version</c> on a connection of its own that never writes: the value changes whenever
/// another connection, of this process or another, commits to the file. In WAL mode a commit becomes visible and
/// changes the value in the same step (the WAL index header), so a read that follows an unchanged value sees no
/// newer commit than the value does. The statement is prepared once and stepped directly: a read costs well under
/// a microsecond.
/// </summary>
internal sealed class SqliteChangeStamp(string connectionString) : DatabaseChangeStamp
{
    private readonly Lock _lock = new();
    private SqliteConnection? _connection;
    private sqlite3_stmt? _statement;
    private bool _disposed;

    public override ValueTask<ChangeStamp> ReadAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _statement ??= Prepare();
            try
            {
                Check(raw.sqlite3_step(_statement), raw.SQLITE_ROW);
                return ValueTask.FromResult(new ChangeStamp(raw.sqlite3_column_int64(_statement, 0)));
            }
            finally
            {
                raw.sqlite3_reset(_statement);
            }
        }
    }

    public override ValueTask DisposeAsync()
    {
        lock (_lock)
        {
            _disposed = true;
            _statement?.Dispose();
            _connection?.Dispose();
            _statement = null;
            _connection = null;
        }

        return ValueTask.CompletedTask;
    }

    private sqlite3_stmt Prepare()
    {
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        raw.sqlite3_busy_timeout(_connection.Handle, 5_000);
        Check(raw.sqlite3_prepare_v2(_connection.Handle, "PRAGMA data_version", out var statement), raw.SQLITE_OK);
        return statement;
    }

    private void Check(int result, int expected)
    {
        if (result != expected)
        {
            throw new SqliteException($"Reading PRAGMA data_version failed: {raw.sqlite3_errmsg(_connection!.Handle).utf8_to_string()}", result);
        }
    }
}
