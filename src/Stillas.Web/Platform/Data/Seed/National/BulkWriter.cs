using System.Data.Common;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Stillas.Web.Platform.Data.Seed.National;

/// <summary>
/// Writes entity objects straight into their tables, bypassing the change tracker, the audit interceptor
/// and the write guard: binary COPY on PostgreSQL, one prepared INSERT re-executed in one transaction on
/// SQLite. Tables, columns and value conversions come from the EF Core model, so the rows are exactly
/// what EF Core would write. Keys are assigned by the caller. Used only by the national dataset.
/// </summary>
public abstract class BulkWriter : IAsyncDisposable
{
    private protected readonly StillasDb Db;
    private protected readonly DbConnection Connection;
    private protected DbTransaction Transaction = null!;
    private readonly HashSet<string> written = [];
    public long Rows { get; private set; }

    protected BulkWriter(StillasDb db)
    {
        Db = db;
        Connection = db.Database.GetDbConnection();
    }

    public static async Task<BulkWriter> OpenAsync(StillasDb db, CancellationToken ct)
    {
        BulkWriter w = db.Database.IsNpgsql() ? new PostgresBulkWriter(db) : new SqliteBulkWriter(db);
        await db.Database.OpenConnectionAsync(ct);
        if (!db.Database.IsNpgsql())
        {
            // One big transaction; a crash mid-way leaves nothing, so the journal need not be synced on every page.
            await using var pragma = w.Connection.CreateCommand();
            pragma.CommandText = "PRAGMA synchronous=OFF; PRAGMA cache_size=-200000;";
            await pragma.ExecuteNonQueryAsync(ct);
        }
        w.Transaction = await w.Connection.BeginTransactionAsync(ct);
        return w;
    }

    /// <summary>The table's columns: name, store type, how to read the provider value from an entity.</summary>
    protected sealed record Column(string Name, string StoreType, RelationalTypeMapping Mapping, Func<object, object?> Read);

    protected sealed record Table(string Name, Column[] Columns, bool HasIdentity);

    private readonly Dictionary<Type, Table> tables = [];

    protected Table TableOf(Type type)
    {
        if (tables.TryGetValue(type, out var t)) return t;
        var et = Db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
        var name = et.GetTableName()!;
        var store = StoreObjectIdentifier.Table(name, et.GetSchema());
        var columns = new List<Column>();
        foreach (var p in et.GetProperties())
        {
            var column = p.GetColumnName(store);
            if (column is null) continue;
            var mapping = (RelationalTypeMapping)p.GetTypeMapping();
            var getter = Getter(type, p.PropertyInfo ?? throw new InvalidOperationException($"{type.Name}.{p.Name} has no CLR property."));
            var converter = mapping.Converter;
            Func<object, object?> read = converter is null ? getter : e => getter(e) is { } v ? converter.ConvertToProvider(v) : null;
            columns.Add(new Column(column, mapping.StoreType, mapping, read));
        }
        var key = et.FindPrimaryKey()!.Properties;
        t = new Table(name, [.. columns], key.Count == 1 && key[0].ClrType is var k && (k == typeof(int) || k == typeof(long)));
        tables[type] = t;
        return t;
    }

    private static Func<object, object?> Getter(Type type, System.Reflection.PropertyInfo pi)
    {
        var e = Expression.Parameter(typeof(object));
        return Expression.Lambda<Func<object, object?>>(Expression.Convert(Expression.Property(Expression.Convert(e, type), pi), typeof(object)), e).Compile();
    }

    public async Task WriteAsync<T>(IReadOnlyCollection<T> rows, CancellationToken ct = default) where T : class
    {
        if (rows.Count == 0) return;
        var table = TableOf(typeof(T));
        await WriteRowsAsync(table, rows, ct);
        written.Add(table.Name);
        Rows += rows.Count;
    }

    protected abstract Task WriteRowsAsync<T>(Table table, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class;

    /// <summary>Commits, then lets the database's own key generation continue after the keys written.</summary>
    public async Task CommitAsync(CancellationToken ct)
    {
        await AfterWriteAsync(written.Where(n => tables.Values.Any(t => t.Name == n && t.HasIdentity)).ToList(), ct);
        await Transaction.CommitAsync(ct);
    }

    protected virtual Task AfterWriteAsync(List<string> identityTables, CancellationToken ct) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        await Db.Database.CloseConnectionAsync();
        GC.SuppressFinalize(this);
    }

    protected static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

internal sealed class SqliteBulkWriter(StillasDb db) : BulkWriter(db)
{
    protected override async Task WriteRowsAsync<T>(Table table, IReadOnlyCollection<T> rows, CancellationToken ct)
    {
        await using var cmd = Connection.CreateCommand();
        cmd.Transaction = Transaction;
        cmd.CommandText = $"INSERT INTO {Quote(table.Name)} ({string.Join(", ", table.Columns.Select(c => Quote(c.Name)))}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$p" + i))})";
        var parameters = new DbParameter[table.Columns.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            // The mapping configures the parameter as EF Core would (e.g. a Guid as TEXT); values are set per row.
            parameters[i] = table.Columns[i].Mapping.CreateParameter(cmd, "$p" + i, null, nullable: true);
            cmd.Parameters.Add(parameters[i]);
        }
        await cmd.PrepareAsync(ct);
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
                parameters[i].Value = table.Columns[i].Read(row) ?? DBNull.Value;
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }
}

internal sealed class PostgresBulkWriter(StillasDb db) : BulkWriter(db)
{
    protected override async Task WriteRowsAsync<T>(Table table, IReadOnlyCollection<T> rows, CancellationToken ct)
    {
        var conn = (NpgsqlConnection)Connection;
        var types = table.Columns.Select(c => c.StoreType.Split('(')[0].Trim()).ToArray();
        await using var importer = await conn.BeginBinaryImportAsync(
            $"COPY {Quote(table.Name)} ({string.Join(", ", table.Columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            for (var i = 0; i < types.Length; i++)
            {
                var v = table.Columns[i].Read(row);
                if (v is null) await importer.WriteNullAsync(ct);
                else await importer.WriteAsync(v, types[i], ct);
            }
        }
        await importer.CompleteAsync(ct);
    }

    protected override async Task AfterWriteAsync(List<string> identityTables, CancellationToken ct)
    {
        foreach (var t in identityTables)
        {
            await using var cmd = Connection.CreateCommand();
            cmd.Transaction = Transaction;
            cmd.CommandText = $"SELECT setval(pg_get_serial_sequence('{Quote(t)}', 'Id'), (SELECT COALESCE(MAX(\"Id\"), 0) + 1 FROM {Quote(t)}), false)";
            await cmd.ExecuteScalarAsync(ct);
        }
    }
}
