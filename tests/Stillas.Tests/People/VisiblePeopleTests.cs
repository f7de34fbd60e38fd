using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Support;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;

namespace Stillas.Tests.People;

/// <summary>
/// StillasDb.VisiblePeople narrows the people lists by index with the access filter's own tests:
/// for every demo login, and for someone with no roles, it must give exactly the people the filter
/// alone gives: never more (the filter still applies), and never fewer (that would hide a person).
/// </summary>
public abstract class VisiblePeopleTests(StillasApp app)
{
    [Fact]
    public async Task For_every_demo_login_the_narrowed_list_is_exactly_what_the_access_filter_lets_through()
    {
        var checkedWithPeople = 0;
        var seenThroughRoleOrTeam = 0;
        foreach (var (email, _) in DemoData.Logins)
        {
            await app.WithDbAsync(async db =>
            {
                var personId = await db.People.Where(p => p.Email == email).Select(p => p.Id).SingleAsync();
                db.ScopeSource!.Scope = await AccessScopeLoader.LoadAsync(db, personId, default);
                var byFilter = await db.People.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
                var narrowed = await (await db.VisiblePeopleAsync(default)).AsNoTracking().OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
                Assert.Equal(byFilter, narrowed);
                if (byFilter.Count > 1) checkedWithPeople++;
                // People seen through a role at my schools or a team, not as registered by my staff owners.
                var staff = db.ScopeSource.Scope.StaffOwnerIds;
                seenThroughRoleOrTeam += await db.People.AsNoTracking()
                    .CountAsync(p => p.Id != personId && !(p.OwnerId != null && staff.Contains(p.OwnerId.Value)));
            });
        }
        // The demo logins see others, also through roles and teams (else the comparison above proves little).
        Assert.True(checkedWithPeople >= 4, $"only {checkedWithPeople} demo logins see anyone but themselves");
        Assert.True(seenThroughRoleOrTeam > 0, "no demo login sees anyone through a role or a team");

        await app.WithDbAsync(async db =>
        {
            db.ScopeSource!.Scope = AccessScope.None;
            Assert.Empty(await (await db.VisiblePeopleAsync(default)).ToListAsync());
        });
    }
}

public sealed class VisiblePeopleOnSqlite(StillasApp app) : VisiblePeopleTests(app), IClassFixture<StillasApp>;

public sealed class VisiblePeopleOnPostgres(PostgresApp app) : VisiblePeopleTests(app), IClassFixture<PostgresApp>;
