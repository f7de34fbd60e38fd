using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Stillas.Web.Platform.Data;

/// <summary>
/// SQLite prepared statements kept across requests. Microsoft.Data.Sqlite compiles every new command's
/// SQL again (dotnet/efcore#14044), and compiling was about a fifth of a page's CPU in a profile of the
/// start page. Here each pooled context keeps its connection open (closing it would finalise every
/// statement; <see cref="KeepOpenSqliteConnection"/>) and each connection keeps its commands by SQL text: EF Core builds its command as usual,
/// and once the text and parameters are set (<see cref="CommandInitialized"/>) the parameters move to the
/// connection's cached command of the same text, whose statements are already compiled.
/// <para>
/// Safety: a context is used by one request at a time, so is its connection and its cache; a command is
/// taken out of the cache while in use (a nested query of the same text gets a fresh one). Before each
/// request <see cref="Check"/> makes sure the connection holds no transaction and no running statement
/// (either would keep an old snapshot and make the next write wait for a lock it cannot get).
/// </para>
/// </summary>
public sealed class SqliteStatementCache : IDbCommandInterceptor
{
    /// <summary>Statements kept per connection; a new text beyond it empties the connection's cache first.</summary>
    public const int MaxPerConnection = 160;

    private static readonly ConditionalWeakTable<SqliteConnection, Statements> ByConnection = [];

    public DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        if (result is not SqliteCommand { Connection: { } connection } fresh || eventData.Context is not SqliteStillasDb) return result;
        return ByConnection.GetValue(connection, c => new Statements(c)).Rent(fresh);
    }

    /// <summary>
    /// Before a request uses the connection: no transaction left open and no statement left running
    /// (neither should happen: EF Core rolls back an undisposed transaction when the context is reset, and a
    /// disposed reader resets its statement). If one did, it is ended here and logged, never carried over.
    /// </summary>
    public static void Check(SqliteConnection connection, IServiceProvider services)
    {
        ILogger Log() => services.GetRequiredService<ILogger<SqliteStatementCache>>();
        if (connection.State != ConnectionState.Open || connection.Handle is not { } db) return;
        if (raw.sqlite3_get_autocommit(db) == 0)
        {
            Log().LogWarning("A SQLite connection came back with an open transaction; rolled back.");
            using var rollback = connection.CreateCommand();
            rollback.CommandText = "ROLLBACK;";
            rollback.ExecuteNonQuery();
        }
        for (var stmt = raw.sqlite3_next_stmt(db, null); stmt is not null && !stmt.IsInvalid; stmt = raw.sqlite3_next_stmt(db, stmt))
        {
            if (raw.sqlite3_stmt_busy(stmt) == 0) continue;
            Log().LogWarning("A SQLite statement was left running; reset: {Sql}", raw.sqlite3_sql(stmt).utf8_to_string());
            raw.sqlite3_reset(stmt);
        }
    }

    /// <summary>One connection's commands by SQL text (used by one request at a time).</summary>
    private sealed class Statements(SqliteConnection connection)
    {
        private readonly Dictionary<string, SqliteCommand> idle = new(StringComparer.Ordinal);

        public DbCommand Rent(SqliteCommand fresh)
        {
            var text = fresh.CommandText;
            if (!idle.Remove(text, out var cached))
            {
                if (idle.Count >= MaxPerConnection) Flush();
                cached = connection.CreateCommand();
                cached.CommandText = text;
            }
            cached.Transaction = fresh.Transaction;
            cached.CommandTimeout = fresh.CommandTimeout;
            var parameters = new SqliteParameter[fresh.Parameters.Count];
            fresh.Parameters.CopyTo(parameters, 0);
            fresh.Parameters.Clear();
            cached.Parameters.Clear();
            cached.Parameters.AddRange(parameters);
            fresh.Dispose();
            return new Rented(cached, this);
        }

        // Full (after seeding, say, whose inserts are never run again): start over; what is in use comes back.
        private void Flush()
        {
            foreach (var command in idle.Values) command.Dispose();
            idle.Clear();
        }

        public void Return(SqliteCommand command)
        {
            command.Parameters.Clear();
            command.Transaction = null;
            if (connection.State == ConnectionState.Open && idle.TryAdd(command.CommandText, command)) return;
            command.Dispose();
        }
    }

    /// <summary>The command EF Core executes and disposes: disposing gives the cached command back.</summary>
    [SuppressMessage("Security", "CA2100", Justification = "The text is EF Core's, set once when the command was first built.")]
    private sealed class Rented(SqliteCommand inner, Statements owner) : DbCommand
    {
        private bool returned;

        [AllowNull]
        public override string CommandText
        {
            get => inner.CommandText;
            set { if (!string.Equals(value, inner.CommandText, StringComparison.Ordinal)) throw new InvalidOperationException("A cached SQLite command keeps its text."); }
        }

        public override int CommandTimeout { get => inner.CommandTimeout; set => inner.CommandTimeout = value; }
        public override CommandType CommandType { get => inner.CommandType; set => inner.CommandType = value; }
        public override bool DesignTimeVisible { get => inner.DesignTimeVisible; set => inner.DesignTimeVisible = value; }
        public override UpdateRowSource UpdatedRowSource { get => inner.UpdatedRowSource; set => inner.UpdatedRowSource = value; }
        protected override DbConnection? DbConnection { get => inner.Connection; set { if (!ReferenceEquals(value, inner.Connection)) throw new InvalidOperationException("A cached SQLite command keeps its connection."); } }
        protected override DbParameterCollection DbParameterCollection => inner.Parameters;
        protected override DbTransaction? DbTransaction { get => inner.Transaction; set => inner.Transaction = (SqliteTransaction?)value; }

        public override void Cancel() => inner.Cancel();
        public override int ExecuteNonQuery() => inner.ExecuteNonQuery();
        public override object? ExecuteScalar() => inner.ExecuteScalar();
        public override void Prepare() => inner.Prepare();
        protected override DbParameter CreateDbParameter() => inner.CreateParameter();
        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => inner.ExecuteReader(behavior);
        protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken) =>
            await inner.ExecuteReaderAsync(behavior, cancellationToken);
        public override Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken) => inner.ExecuteNonQueryAsync(cancellationToken);
        public override Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken) => inner.ExecuteScalarAsync(cancellationToken);

        protected override void Dispose(bool disposing)
        {
            if (disposing && !returned)
            {
                returned = true;
                owner.Return(inner);
            }
            base.Dispose(disposing);
        }
    }
}

/// <summary>
/// EF Core's SQLite connection, except that it is not closed when the pooled context goes back to the
/// pool (closing finalises every prepared statement of <see cref="SqliteStatementCache"/>); it is closed
/// when the context itself is disposed. A broken connection is closed as before.
/// </summary>
#pragma warning disable EF1001 // SqliteRelationalConnection is EF Core's internal API; replaced as EF Core documents for providers.
public sealed class KeepOpenSqliteConnection(
    Microsoft.EntityFrameworkCore.Storage.RelationalConnectionDependencies dependencies,
    Microsoft.EntityFrameworkCore.Storage.IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<Microsoft.EntityFrameworkCore.DbLoggerCategory.Infrastructure> logger)
    : Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal.SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    protected override void CloseDbConnection()
    {
        if (DbConnection.State == ConnectionState.Broken) base.CloseDbConnection();
    }

    protected override Task CloseDbConnectionAsync() =>
        DbConnection.State == ConnectionState.Broken ? base.CloseDbConnectionAsync() : Task.CompletedTask;
}
#pragma warning restore EF1001
