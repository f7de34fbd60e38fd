using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Stillas.Web.Platform.Data;

/// <summary>
/// Per-connection SQLite settings for concurrent writers, applied once to each physical connection
/// (pooled connections keep them):
/// <list type="bullet">
/// <item>SQLite itself waits for a write lock (sqlite3_busy_timeout), instead of Microsoft.Data.Sqlite's
/// own retry, which sleeps 150 ms before each new attempt: with a few guides saving notes at once,
/// every save that met a lock waited at least 150 ms.</item>
/// <item><c>synchronous=FULL</c> by default (<c>Database:SqliteSynchronous</c>): in WAL mode every commit
/// waits for an fsync of the log, so a save the user was told about survives a power cut, not only a
/// crash of the process. <c>Normal</c> skips that fsync (SQLite's suggestion for WAL; the database is
/// never corrupted, but a power cut may lose the last commits). The cost is in docs/performance.md.</item>
/// </list>
/// </summary>
public sealed class SqliteConnectionSettings(TimeSpan timeout, SqliteSynchronous synchronous = SqliteSynchronous.Full) : DbConnectionInterceptor
{
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Configured = [];

    /// <summary>
    /// Process-wide SQLite settings, before the first connection opens (afterwards SQLite refuses them
    /// with SQLITE_MISUSE and keeps its defaults, which is harmless). Memory statistics off: with them on,
    /// every allocation inside SQLite takes one global mutex, and under load the request threads queued
    /// on it (futex waits in a CPU profile of the start page).
    /// </summary>
    public static void ConfigureProcess()
    {
        SQLitePCL.Batteries_V2.Init();
        _ = SQLitePCL.raw.sqlite3_config(SQLitePCL.raw.SQLITE_CONFIG_MEMSTATUS, 0);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } sqlite || Configured.TryGetValue(handle, out _)) return;
        SQLitePCL.raw.sqlite3_busy_timeout(handle, (int)timeout.TotalMilliseconds);
        // SqliteStatementCache.Check walks the connection's statements (sqlite3_next_stmt), which SQLitePCL
        // allows only when asked for right after the connection opens.
        handle.enable_sqlite3_next_stmt(true);
        // EF Core's existence check (/health/ready) opens a fresh read-only connection each time: it never
        // writes, and a first statement would make SQLite read the whole schema (≈ 2 ms) for nothing.
        if (new SqliteConnectionStringBuilder(sqlite.ConnectionString).Mode != SqliteOpenMode.ReadOnly)
        {
            using var command = sqlite.CreateCommand();
            command.CommandText = synchronous == SqliteSynchronous.Normal ? "PRAGMA synchronous=NORMAL;" : "PRAGMA synchronous=FULL;";
            command.ExecuteNonQuery();
        }
        Configured.AddOrUpdate(handle, Configured);
    }
}
