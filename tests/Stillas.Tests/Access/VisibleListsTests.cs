using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Support;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data.Seed;
using Stillas.Web.Platform.Data;

namespace Stillas.Tests.Access;

/// <summary>
/// StillasDb.VisibleProgrammes, VisibleSchools and VisiblePeopleAsync narrow the lists by index with the access
/// filter's own tests. For every demo login, and for someone with no roles, each must give exactly what the filter
/// alone gives: never more (the filter still applies), and never fewer (that would hide a row). Dropping any one
/// of their terms makes this fail.
/// </summary>
public abstract class VisibleListsTests(StillasApp app)
{
    [Fact]
    public async Task For_every_demo_login_each_narrowed_list_is_exactly_what_the_access_filter_lets_through()
    {
        var (withProgrammes, withSchools, withOthers, throughRoleOrTeam) = (0, 0, 0, 0);
        foreach (var (email, _) in DemoData.Logins)
        {
            await app.WithDbAsync(async db =>
            {
                var personId = await db.People.Where(p => p.Email == email).Select(p => p.Id).SingleAsync();
                var scope = await AccessScopeLoader.LoadAsync(db, personId, default);
                db.ScopeSource!.Scope = scope;

                var programmes = await db.Programmes.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
                Assert.Equal(programmes, await db.VisibleProgrammes().AsNoTracking().OrderBy(p => p.Id).Select(p => p.Id).ToListAsync());
                var schools = await db.Schools.AsNoTracking().OrderBy(s => s.Id).Select(s => s.Id).ToListAsync();
                Assert.Equal(schools, await db.VisibleSchools().AsNoTracking().OrderBy(s => s.Id).Select(s => s.Id).ToListAsync());
                var people = await db.People.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
                Assert.Equal(people, await (await db.VisiblePeopleAsync(default)).AsNoTracking().OrderBy(p => p.Id).Select(p => p.Id).ToListAsync());

                if (programmes.Count > 0) withProgrammes++;
                if (schools.Count > 0) withSchools++;
                if (people.Count > 1) withOthers++;
                // People seen through a role at my schools or a team, not as registered by my staff owners.
                var staff = scope.StaffOwnerIds;
                throughRoleOrTeam += await db.People.AsNoTracking()
                    .CountAsync(p => p.Id != personId && !(p.OwnerId != null && staff.Contains(p.OwnerId.Value)));
            });
        }
        // The demo logins see rows of each kind, also people through roles and teams (else the above proves little).
        Assert.True(withProgrammes >= 4, $"only {withProgrammes} demo logins see any programme");
        Assert.True(withSchools >= 4, $"only {withSchools} demo logins see any school");
        Assert.True(withOthers >= 4, $"only {withOthers} demo logins see anyone but themselves");
        Assert.True(throughRoleOrTeam > 0, "no demo login sees anyone through a role or a team");

        await app.WithDbAsync(async db =>
        {
            db.ScopeSource!.Scope = AccessScope.None;
            Assert.Empty(await db.VisibleProgrammes().ToListAsync());
            Assert.Empty(await db.VisibleSchools().ToListAsync());
            Assert.Empty(await (await db.VisiblePeopleAsync(default)).ToListAsync());
        });
    }
}

public sealed class VisibleListsOnSqlite(StillasApp app) : VisibleListsTests(app), IClassFixture<StillasApp>;

public sealed class VisibleListsOnPostgres(PostgresApp app) : VisibleListsTests(app), IClassFixture<PostgresApp>;
