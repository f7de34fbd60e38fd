using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Teams;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;

namespace Stillas.Web.Features.Programmes.Conflicts;

/// <summary>The open conflicts of interest of one programme or of a team's running programmes, as a warning with a link to where they are handled.</summary>
public sealed record ConflictWarning(int ProgrammeId, string School, IReadOnlyList<ConflictOfInterest.Conflict> Conflicts);

/// <summary>
/// On the programme's page: <c>@await Component.InvokeAsync("ProgrammeConflicts", new { programmeId, ownerId, schoolId, teamId })</c>.
/// Shown to the owner's staff and the team while a conflict is not recorded as handled.
/// </summary>
public sealed class ProgrammeConflictsViewComponent(StillasDb db, CurrentScope current, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int programmeId, int ownerId, int schoolId, int teamId, string school)
    {
        if (!ConflictOfInterest.MaySee(current.Scope, ownerId, teamId)) return Content("");
        var today = ProgrammePlanning.Today(clock);
        var open = await ConflictOfInterest.OpenForProgrammesAsync(db.ConflictFacts(), [(programmeId, schoolId, teamId)], today, HttpContext.RequestAborted);
        var conflicts = open[programmeId].ToList();
        return conflicts.Count == 0 ? Content("") : View("~/Features/Programmes/Conflicts/_Warning.cshtml", new List<ConflictWarning> { new(programmeId, school, conflicts) });
    }
}

/// <summary>On the team's page: the open conflicts of every programme the team runs (active or paused), e.g. after a member was added.</summary>
public sealed class TeamConflictsViewComponent(StillasDb db, CurrentScope current, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int teamId, int ownerId)
    {
        if (!ConflictOfInterest.MaySee(current.Scope, ownerId, teamId)) return Content("");
        var warnings = await TeamWarningsAsync(db, teamId, ProgrammePlanning.Today(clock), HttpContext.RequestAborted);
        return warnings.Count == 0 ? Content("") : View("~/Features/Programmes/Conflicts/_Warning.cshtml", warnings);
    }

    /// <summary>The open conflicts of the team's running programmes, by programme.</summary>
    public static async Task<List<ConflictWarning>> TeamWarningsAsync(StillasDb db, int teamId, DateOnly today, CancellationToken ct)
    {
        var running = await db.Programmes.AsNoTracking()
            .Where(p => p.TeamId == teamId && (p.Status == ProgrammeStatus.Active || p.Status == ProgrammeStatus.Paused))
            .Select(p => new { p.Id, p.SchoolId, p.TeamId, School = db.Schools.Where(s => s.Id == p.SchoolId).Select(s => s.Name).FirstOrDefault() ?? "" })
            .ToListAsync(ct);
        if (running.Count == 0) return [];
        var open = await ConflictOfInterest.OpenForProgrammesAsync(db.ConflictFacts(), [.. running.Select(p => (p.Id, p.SchoolId, p.TeamId))], today, ct);
        return [.. running.Where(p => open[p.Id].Any()).OrderBy(p => p.School).Select(p => new ConflictWarning(p.Id, p.School, [.. open[p.Id]]))];
    }
}
