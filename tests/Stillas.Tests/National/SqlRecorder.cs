using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Stillas.Tests.National;

/// <summary>One SQL statement the app executed, with its parameters (for EXPLAIN).</summary>
public sealed record Statement(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);

/// <summary>
/// Records the SQL statements EF Core executes for one database (one test app), through EF Core's
/// diagnostic listener: the app is the real one, unchanged; other test classes' databases are ignored.
/// </summary>
public sealed class SqlRecorder : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string connectionString;
    private readonly IDisposable subscription;
    private readonly List<IDisposable> listeners = [];
    private readonly ConcurrentQueue<Statement> statements = new();
    private volatile bool recording;

    public SqlRecorder(string connectionString)
    {
        this.connectionString = connectionString;
        subscription = DiagnosticListener.AllListeners.Subscribe(this);
    }

    /// <summary>Runs <paramref name="action"/> and returns the statements it caused.</summary>
    public async Task<List<Statement>> RecordAsync(Func<Task> action)
    {
        statements.Clear();
        recording = true;
        try { await action(); }
        finally { recording = false; }
        return [.. statements];
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
            lock (listeners) listeners.Add(listener.Subscribe(this));
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> e)
    {
        if (!recording || e.Key != RelationalEventId.CommandExecuted.Name || e.Value is not CommandExecutedEventData data) return;
        if (data.Context?.Database.GetConnectionString() != connectionString) return;
        statements.Enqueue(new Statement(data.Command.CommandText,
            [.. data.Command.Parameters.Cast<System.Data.Common.DbParameter>().Select(p => (p.ParameterName, p.Value == DBNull.Value ? null : p.Value))]));
    }

    public void OnCompleted() { }
    public void OnError(Exception error) { }

    public void Dispose()
    {
        subscription.Dispose();
        lock (listeners) listeners.ForEach(l => l.Dispose());
    }
}
