using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Stillas.Web.Platform.Data;

/// <summary>
/// Lets SQLite itself wait for a write lock (sqlite3_busy_timeout: it retries within a millisecond or
/// so) instead of Microsoft.Data.Sqlite's own retry, which sleeps 150 ms before each new attempt: with
/// a few guides saving notes at once, every save that met a lock waited at least 150 ms. Set on every
/// open (pooled connections keep it; the call is a plain C call, no statement).
/// </summary>
public sealed class SqliteBusyTimeout(TimeSpan timeout) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
            SQLitePCL.raw.sqlite3_busy_timeout(handle, (int)timeout.TotalMilliseconds);
    }
}
