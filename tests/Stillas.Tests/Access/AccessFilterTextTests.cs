using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Owners;
using Stillas.Web.Features.Teams;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;

namespace Stillas.Tests.Access;

/// <summary>
/// On SQLite the access filters test membership of an id in the scope's lists as text (",1,12," contains ",12,");
/// see StillasDb.TextListFilters. Every list test must have been rewritten, and the text test must match whole
/// ids only (1 is not in ",12,21,"). The access matrix proves the filters role by role on both providers.
/// </summary>
public sealed class AccessFilterTextTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("stillas-filtertext-").FullName;

    private SqliteStillasDb Open(AccessScope scope)
    {
        var db = new SqliteStillasDb(new DbContextOptionsBuilder<SqliteStillasDb>()
            .UseSqlite($"Data Source={Path.Combine(dir, "f.db")};Pooling=false", s => s.MigrationsHistoryTable("__migrations")).Options);
        db.ScopeSource = new CurrentScope { Scope = scope };
        return db;
    }

    [Fact]
    public void Every_list_test_in_the_sqlite_access_filters_is_text()
    {
        using var db = Open(AccessScope.System);
        var filters = db.Model.GetEntityTypes().Select(e => e.FindDeclaredQueryFilter(StillasDb.AccessFilter)?.Expression).OfType<System.Linq.Expressions.LambdaExpression>().ToList();
        Assert.True(filters.Count >= 40, $"only {filters.Count} access filters found");
        // No filter may still read an id list (whichever Contains the compiler bound it to); they read its text twin.
        var lists = new ScopeMembers();
        foreach (var f in filters) lists.Visit(f);
        Assert.Empty(lists.Found.Where(m => m.PropertyType == typeof(int[])).Select(m => m.Name).Distinct());
        Assert.Contains("ScopeTeamIdsText", lists.Found.Select(m => m.Name));
    }

    [Theory]
    [InlineData(new int[0], new int[0], new int[0])]
    [InlineData(new[] { 12, 21 }, new int[0], new[] { 12, 21 })]
    [InlineData(new[] { 1 }, new int[0], new[] { 1 })]
    [InlineData(new[] { 2, 121 }, new int[0], new[] { 2, 121 })]
    [InlineData(new int[0], new[] { 1 }, new[] { 1, 2, 12, 21, 121 })]
    public async Task A_team_is_seen_only_by_whole_id(int[] teamIds, int[] staffOwnerIds, int[] expected)
    {
        await using (var setup = Open(AccessScope.System))
        {
            await DatabaseSetup.MigrateSqliteAsync(setup, default);
            setup.Owners.Add(new SchoolOwner { Id = 1, Name = "Testvik kommune", OrganisationNumber = "974760673" });
            foreach (var id in new[] { 1, 2, 12, 21, 121 }) setup.Teams.Add(new GuidanceTeam { Id = id, OwnerId = 1, Name = $"Team {id}" });
            await setup.SaveChangesAsync();
        }
        await using var db = Open(new AccessScope { Kind = ScopeKind.User, PersonId = 99, TeamIds = teamIds, StaffOwnerIds = staffOwnerIds });
        Assert.Equal(expected, await db.Teams.OrderBy(t => t.Id).Select(t => t.Id).ToListAsync());
    }

    private sealed class ScopeMembers : System.Linq.Expressions.ExpressionVisitor
    {
        public List<System.Reflection.PropertyInfo> Found { get; } = [];
        protected override System.Linq.Expressions.Expression VisitMember(System.Linq.Expressions.MemberExpression node)
        {
            if (node.Member is System.Reflection.PropertyInfo p && p.Name.StartsWith("Scope", StringComparison.Ordinal)) Found.Add(p);
            return base.VisitMember(node);
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
    }
}
