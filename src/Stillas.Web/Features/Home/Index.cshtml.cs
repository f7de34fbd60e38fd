using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.People;
using Stillas.Web.Features.Schools;
using Stillas.Web.Features.Teams;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Audit;
using Stillas.Web.Platform.Data;

namespace Stillas.Web.Features.Home;

/// <summary>The start page: what this person's roles give them, each section honest when empty.</summary>
public sealed class IndexModel(StillasDb db, CurrentScope current) : PageModel
{
    public sealed record OwnerSummary(int Id, string Name, int Schools, int Teams, int People);
    public sealed record TeamSummary(int Id, string Name, string Owner, int Capacity, List<string> Members);
    public sealed record SchoolSummary(int Id, string Name, string Owner, string Level, int Pupils, List<string> MyRoles);
    public sealed record RecentChange(DateTimeOffset At, string Actor, string What);

    public AccessScope Scope => current.Scope;
    public List<OwnerSummary> Owners { get; private set; } = [];
    public List<TeamSummary> MyTeams { get; private set; } = [];
    public List<SchoolSummary> MySchools { get; private set; } = [];
    public List<RecentChange> Recent { get; private set; } = [];
    public int AllOwners { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = Scope;
        if (scope.IsSystem) AllOwners = await db.Owners.CountAsync(ct);
        if (scope.StaffOwnerIds.Length > 0)
        {
            var staff = scope.StaffOwnerIds;
            Owners = await db.Owners.AsNoTracking().Where(o => staff.Contains(o.Id)).OrderBy(o => o.Name)
                .Select(o => new OwnerSummary(o.Id, o.Name,
                    db.Schools.Count(s => s.OwnerId == o.Id && s.Active),
                    db.Teams.Count(t => t.OwnerId == o.Id && t.Active),
                    db.People.Count(p => p.OwnerId == o.Id && p.Active)))
                .ToListAsync(ct);
        }
        if (scope.TeamIds.Length > 0)
        {
            var teams = scope.TeamIds;
            MyTeams = await db.Teams.AsNoTracking().Where(t => teams.Contains(t.Id)).OrderBy(t => t.Name)
                .Select(t => new TeamSummary(t.Id, t.Name, t.Owner!.Name, t.CapacityPerSchoolYear,
                    t.Members.OrderBy(m => m.Role).Select(m => m.Person!.Name).ToList()))
                .ToListAsync(ct);
        }
        if (scope.SchoolIds.Length > 0 && scope.PersonId is int me)
        {
            var schools = scope.SchoolIds;
            var rows = await db.Schools.AsNoTracking().Where(s => schools.Contains(s.Id)).OrderBy(s => s.Name)
                .Select(s => new { s.Id, s.Name, Owner = s.Owner!.Name, s.Level, s.Pupils,
                    Roles = db.Memberships.Where(m => m.SchoolId == s.Id && m.PersonId == me && m.Active).Select(m => m.Role).ToList() })
                .ToListAsync(ct);
            MySchools = rows.Select(r => new SchoolSummary(r.Id, r.Name, r.Owner, School.LevelName(r.Level), r.Pupils, r.Roles.Select(Roles.Name).ToList())).ToList();
        }
        if (scope.AdminOwnerIds.Length > 0 || scope.IsSystem)
        {
            var rows = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id).Take(5)
                .Select(a => new { a.At, a.ActorName, a.Action, a.EntityType }).ToListAsync(ct);
            Recent = rows.Select(r => new RecentChange(r.At, r.ActorName, $"{AuditEntry.ActionName(r.Action)}: {AuditEntry.EntityName(r.EntityType)}")).ToList();
        }
    }
}
