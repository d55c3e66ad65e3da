using Npgsql;

namespace Freight.Core.Persistence.Changes;

/// <summary>
/// PostgreSQL's current snapshot (<c>pg_current_snapshot()</c>: the oldest running transaction, the next
/// transaction id, the ones in progress). It changes when a transaction with writes starts or ends, anywhere on the
/// server; and a transaction still committing is in progress in it, so a read that started after an unchanged
/// snapshot could not have missed it. One round trip on a pooled connection, no table read.
/// </summary>
internal sealed class PostgreSqlChangeStamp(string connectionString) : DatabaseChangeStamp
{
    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(connectionString);

    public override async ValueTask<ChangeStamp> ReadAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _source.CreateCommand("SELECT pg_current_snapshot()::text");
        return new ChangeStamp(0, (string?)await command.ExecuteScalarAsync(cancellationToken));
    }

    public override ValueTask DisposeAsync() => _source.DisposeAsync();
}
