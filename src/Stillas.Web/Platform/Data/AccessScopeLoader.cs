using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.People;
using Stillas.Web.Platform.Access;

namespace Stillas.Web.Platform.Data;

/// <summary>Computes a user's <see cref="AccessScope"/> from their active memberships and team memberships.</summary>
public static class AccessScopeLoader
{
    public static async Task<AccessScope> LoadAsync(StillasDb db, int personId, CancellationToken ct)
    {
        // Platform code: the scope is what the filters are made of, so it is read unfiltered.
        var person = await db.People.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.Id == personId && p.Active)
            .Select(p => new
            {
                p.Name,
                Memberships = p.Memberships.Where(m => m.Active).Select(m => new { m.Role, m.OwnerId, m.SchoolId }).ToList(),
                Teams = p.TeamMemberships.Where(t => t.Team!.Active).Select(t => new { t.TeamId, t.OwnerId }).ToList(),
            })
            .AsSplitQuery()
            .SingleOrDefaultAsync(ct);
        if (person is null) return AccessScope.None;

        var ms = person.Memberships;
        if (ms.Any(m => m.Role == Role.SystemAdmin))
            return new AccessScope { Kind = ScopeKind.User, IsSystem = true, PersonId = personId, ActorName = person.Name, Roles = ms.Select(m => m.Role).Distinct().ToArray() };

        int[] Owners(Func<Role, bool> which) => ms.Where(m => which(m.Role) && m.OwnerId != null).Select(m => m.OwnerId!.Value).Distinct().ToArray();
        var admin = Owners(r => r == Role.OwnerAdmin);
        var staff = Owners(r => r is Role.OwnerAdmin or Role.DevelopmentAdvisor);
        var guideOwners = Owners(r => r is Role.SchoolLeaderGuide or Role.UniversityGuide);
        var teamOwners = person.Teams.Select(t => t.OwnerId);
        var read = staff.Concat(guideOwners).Concat(teamOwners).Distinct().ToArray();
        var schools = ms.Where(m => Roles.IsSchoolRole(m.Role) && m.SchoolId != null).Select(m => m.SchoolId!.Value).Distinct().ToArray();
        var leaderSchools = ms.Where(m => m.Role is Role.Principal or Role.SchoolLeader && m.SchoolId != null).Select(m => m.SchoolId!.Value).Distinct().ToArray();
        var schoolOwners = ms.Where(m => Roles.IsSchoolRole(m.Role) && m.OwnerId != null).Select(m => m.OwnerId!.Value);
        return new AccessScope
        {
            Kind = ScopeKind.User,
            PersonId = personId,
            ActorName = person.Name,
            AdminOwnerIds = admin,
            StaffOwnerIds = staff,
            ReadOwnerIds = read,
            VisibleOwnerIds = read.Concat(schoolOwners).Distinct().ToArray(),
            SchoolIds = schools,
            LeaderSchoolIds = leaderSchools,
            TeamIds = person.Teams.Select(t => t.TeamId).Distinct().ToArray(),
            Roles = ms.Select(m => m.Role).Distinct().ToArray(),
        };
    }

}
