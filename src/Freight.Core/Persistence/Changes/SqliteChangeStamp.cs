using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Freight.Core.Persistence.Changes;

/// <summary>
/// SQLite's <c>PRAGMA data_version</c> on connections of its own that never write: a connection's value changes
/// whenever another connection, of this process or another, commits to the file. In WAL mode a commit becomes
/// visible and changes the value in the same step (the WAL index header), so a read that follows an unchanged value
/// sees no newer commit than the value does. Values count per connection, so each reading names its connection
/// (<see cref="ChangeStamp.Source"/>). A connection holds the statement prepared and serves one caller at a time;
/// there are as many as callers at once, so none waits for another.
/// </summary>
internal sealed class SqliteChangeStamp(string connectionString) : DatabaseChangeStamp
{
    private readonly ConcurrentQueue<Reader> _idle = new();
    private readonly ConcurrentBag<Reader> _all = [];
    private int _readers;
    private volatile bool _disposed;

    public override ValueTask<ChangeStamp> ReadAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_idle.TryDequeue(out var reader))
        {
            reader = new Reader(connectionString, Interlocked.Increment(ref _readers));
            _all.Add(reader);
        }

        try
        {
            return ValueTask.FromResult(new ChangeStamp(reader.Id, reader.Read()));
        }
        finally
        {
            _idle.Enqueue(reader);
        }
    }

    public override ValueTask DisposeAsync()
    {
        _disposed = true;
        foreach (var reader in _all)
        {
            reader.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private sealed class Reader : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly sqlite3_stmt _statement;

        public Reader(string connectionString, int id)
        {
            Id = id;
            _connection = new SqliteConnection(connectionString);
            _connection.Open();
            raw.sqlite3_busy_timeout(_connection.Handle, 5_000);
            Check(raw.sqlite3_prepare_v2(_connection.Handle, "PRAGMA data_version", out _statement), raw.SQLITE_OK);
        }

        public int Id { get; }

        public long Read()
        {
            try
            {
                Check(raw.sqlite3_step(_statement), raw.SQLITE_ROW);
                return raw.sqlite3_column_int64(_statement, 0);
            }
            finally
            {
                raw.sqlite3_reset(_statement);
            }
        }

        public void Dispose()
        {
            _statement.Dispose();
            _connection.Dispose();
        }

        private void Check(int result, int expected)
        {
            if (result != expected)
            {
                throw new SqliteException($"Reading PRAGMA data_version failed: {raw.sqlite3_errmsg(_connection.Handle).utf8_to_string()}", result);
            }
        }
    }
}
