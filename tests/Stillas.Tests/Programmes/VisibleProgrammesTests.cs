using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Support;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;

namespace Stillas.Tests.Programmes;

/// <summary>
/// StillasDb.VisibleProgrammes narrows the programme lists by index with the access filter's own three tests:
/// for every demo login, and for someone with no roles, it must give exactly the programmes the filter
/// alone gives: never more (the filter still applies), and never fewer (that would hide a programme).
/// </summary>
public abstract class VisibleProgrammesTests(StillasApp app)
{
    [Fact]
    public async Task For_every_demo_login_the_narrowed_list_is_exactly_what_the_access_filter_lets_through()
    {
        var checkedWithProgrammes = 0;
        foreach (var (email, _) in DemoData.Logins)
        {
            await app.WithDbAsync(async db =>
            {
                var personId = await db.People.Where(p => p.Email == email).Select(p => p.Id).SingleAsync();
                db.ScopeSource!.Scope = await AccessScopeLoader.LoadAsync(db, personId, default);
                var byFilter = await db.Programmes.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
                var narrowed = await db.VisibleProgrammes().AsNoTracking().OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
                Assert.Equal(byFilter, narrowed);
                if (byFilter.Count > 0) checkedWithProgrammes++;
            });
        }
        // The demo logins see programmes (else the comparison above proves nothing).
        Assert.True(checkedWithProgrammes >= 4, $"only {checkedWithProgrammes} demo logins see any programme");

        await app.WithDbAsync(async db =>
        {
            db.ScopeSource!.Scope = AccessScope.None;
            Assert.Empty(await db.VisibleProgrammes().ToListAsync());
        });
    }
}

public sealed class VisibleProgrammesOnSqlite(StillasApp app) : VisibleProgrammesTests(app), IClassFixture<StillasApp>;

public sealed class VisibleProgrammesOnPostgres(PostgresApp app) : VisibleProgrammesTests(app), IClassFixture<PostgresApp>;
