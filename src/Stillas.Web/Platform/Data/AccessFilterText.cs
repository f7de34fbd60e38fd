using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Stillas.Web.Platform.Data;

/// <summary>
/// Rewrites the access filters for SQLite (see <c>StillasDb.TextListFilters</c>): every
/// <c>ScopeXIds.Contains(id)</c> becomes <c>ScopeXIdsText.Contains("," + id + ",")</c>, which EF Core
/// translates to <c>instr(@text, ',' || id || ',') &gt; 0</c>. The filters stay written once, as lists,
/// and PostgreSQL keeps them as they are (= ANY of one array parameter).
/// </summary>
internal static class AccessFilterText
{
    private static readonly MethodInfo StringContains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
    private static readonly MethodInfo Concat3 = typeof(string).GetMethod(nameof(string.Concat), [typeof(string), typeof(string), typeof(string)])!;
    private static readonly MethodInfo IntToString = typeof(int).GetMethod(nameof(int.ToString), Type.EmptyTypes)!;

    public static void Rewrite(IMutableModel model, string filterKey)
    {
        foreach (var entity in model.GetEntityTypes())
        {
            if (entity.FindDeclaredQueryFilter(filterKey)?.Expression is not { } filter) continue;
            entity.SetQueryFilter(filterKey, (LambdaExpression)new ListToText().Visit(filter));
        }
    }

    private sealed class ListToText : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.Name == nameof(Enumerable.Contains) && node.Arguments.Count >= 1)
            {
                // Enumerable.Contains(list, id) or MemoryExtensions.Contains((ReadOnlySpan<int>)list, id).
                var (list, item) = node.Object is null ? (node.Arguments[0], node.Arguments[^1]) : (node.Object, node.Arguments[0]);
                if (ScopeList(list) is { } member && item.Type == typeof(int))
                {
                    var text = member.Expression!.Type.GetProperty(member.Member.Name + "Text", BindingFlags.Instance | BindingFlags.NonPublic)
                        ?? throw new InvalidOperationException($"{member.Member.Name} has no {member.Member.Name}Text twin.");
                    var needle = Expression.Call(Concat3, Expression.Constant(","), Expression.Call(Visit(item), IntToString), Expression.Constant(","));
                    return Expression.Call(Expression.Property(member.Expression, text), StringContains, needle);
                }
            }
            return base.VisitMethodCall(node);
        }

        // The context's ScopeXIds property, possibly behind an implicit conversion to a span.
        private static MemberExpression? ScopeList(Expression e)
        {
            while (true)
            {
                switch (e)
                {
                    case UnaryExpression { NodeType: ExpressionType.Convert } u: e = u.Operand; continue;
                    case MethodCallExpression { Method.Name: "op_Implicit", Arguments.Count: 1 } c: e = c.Arguments[0]; continue;
                    case MemberExpression { Member: PropertyInfo p } m when p.PropertyType == typeof(int[]) && p.Name.StartsWith("Scope", StringComparison.Ordinal)
                        && m.Expression is not null && typeof(StillasDb).IsAssignableFrom(m.Expression.Type): return m;
                    default: return null;
                }
            }
        }
    }
}
