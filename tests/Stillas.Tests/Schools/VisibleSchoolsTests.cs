using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Support;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;

namespace Stillas.Tests.Schools;

/// <summary>
/// StillasDb.VisibleSchools narrows the school lists by index with the access filter's own two tests:
/// for every demo login, and for someone with no roles, it must give exactly the schools the filter
/// alone gives: never more (the filter still applies), and never fewer (that would hide a school).
/// </summary>
public abstract class VisibleSchoolsTests(StillasApp app)
{
    [Fact]
    public async Task For_every_demo_login_the_narrowed_list_is_exactly_what_the_access_filter_lets_through()
    {
        var checkedWithSchools = 0;
        foreach (var (email, _) in DemoData.Logins)
        {
            await app.WithDbAsync(async db =>
            {
                var personId = await db.People.Where(p => p.Email == email).Select(p => p.Id).SingleAsync();
                db.ScopeSource!.Scope = await AccessScopeLoader.LoadAsync(db, personId, default);
                var byFilter = await db.Schools.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
                var narrowed = await db.VisibleSchools().AsNoTracking().OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
                Assert.Equal(byFilter, narrowed);
                if (byFilter.Count > 0) checkedWithSchools++;
            });
        }
        // The demo logins see schools (else the comparison above proves nothing).
        Assert.True(checkedWithSchools >= 4, $"only {checkedWithSchools} demo logins see any school");

        await app.WithDbAsync(async db =>
        {
            db.ScopeSource!.Scope = AccessScope.None;
            Assert.Empty(await db.VisibleSchools().ToListAsync());
        });
    }
}

public sealed class VisibleSchoolsOnSqlite(StillasApp app) : VisibleSchoolsTests(app), IClassFixture<StillasApp>;

public sealed class VisibleSchoolsOnPostgres(PostgresApp app) : VisibleSchoolsTests(app), IClassFixture<PostgresApp>;
