using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KieGateway.Storage;

/// <summary>
/// Lets SQLite itself wait for a lock held by another writer (<c>PRAGMA busy_timeout</c>): its busy handler looks again
/// after 1, 2, 5 … at most 100 ms, where Microsoft.Data.Sqlite's own retries sleep 150 ms each (150 ms p99 spikes under
/// concurrent writes). The pragma belongs to the native connection, which the pool keeps between opens: it is set once each.
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    /// <summary>As long as Microsoft.Data.Sqlite's own default command timeout (30 s).</summary>
    public const int Milliseconds = 30_000;

    // Native connections that have it, by their handle (the same object for as long as the pool keeps the connection).
    private readonly ConditionalWeakTable<object, object> _set = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is SqliteConnection { Handle: { } handle } && !_set.TryGetValue(handle, out _))
        {
            using var command = Pragma(connection);
            command.ExecuteNonQuery();
            _set.AddOrUpdate(handle, handle);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (connection is SqliteConnection { Handle: { } handle } && !_set.TryGetValue(handle, out _))
        {
            await using var command = Pragma(connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
            _set.AddOrUpdate(handle, handle);
        }
    }

    private static DbCommand Pragma(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout={Milliseconds};";
        return command;
    }
}
