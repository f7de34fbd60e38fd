using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Stillas.Web.Platform.Data;

/// <summary>
/// A query compiled once per model (EF.CompileAsyncQuery): no expression building, parameter extraction
/// or query-cache lookup per execution. One compiled delegate per model because a compiled query keeps one
/// executor: used by the SQLite and the PostgreSQL model in one process (the tests run both), they would
/// take each other's. The access filters apply as in any query.
/// </summary>
public sealed class CompiledQuery<TArg, TResult>(Expression<Func<StillasDb, TArg, IQueryable<TResult>>> query)
{
    private readonly ConcurrentDictionary<IModel, Func<StillasDb, TArg, IAsyncEnumerable<TResult>>> byModel = new();

    public IAsyncEnumerable<TResult> Run(StillasDb db, TArg arg) =>
        byModel.GetOrAdd(db.Model, static (_, q) => EF.CompileAsyncQuery(q), query)(db, arg);

    /// <summary>The first row or null (write the query with <c>Take(1)</c>, or let it match at most one row).</summary>
    public async Task<TResult?> FirstOrDefaultAsync(StillasDb db, TArg arg, CancellationToken ct)
    {
        await foreach (var row in Run(db, arg).WithCancellation(ct)) return row;
        return default;
    }
}
