using Microsoft.Data.Sqlite;

namespace Freight.Core.Persistence.Changes;

/// <summary>
/// SQLite's <c>PRAGMA data_version</c> on a connection of its own that never writes: the value changes whenever
/// another connection, of this process or another, commits to the file. In WAL mode a commit becomes visible and
/// changes the value in the same step (the WAL index header), so a read that follows an unchanged value sees no
/// newer commit than the value does.
/// </summary>
internal sealed class SqliteChangeStamp(string connectionString) : DatabaseChangeStamp
{
    private readonly Lock _lock = new();
    private SqliteConnection? _connection;
    private SqliteCommand? _command;
    private bool _disposed;

    public override ValueTask<ChangeStamp> ReadAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _command ??= Open();
            return ValueTask.FromResult(new ChangeStamp((long)_command.ExecuteScalar()!));
        }
    }

    public override ValueTask DisposeAsync()
    {
        lock (_lock)
        {
            _disposed = true;
            _command?.Dispose();
            _connection?.Dispose();
            _command = null;
            _connection = null;
        }

        return ValueTask.CompletedTask;
    }

    private SqliteCommand Open()
    {
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        var command = _connection.CreateCommand();
        command.CommandText = "PRAGMA data_version";
        command.Prepare();
        return command;
    }
}
