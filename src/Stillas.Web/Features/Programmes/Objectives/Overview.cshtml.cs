using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;

namespace Stillas.Web.Features.Programmes.Objectives;

/// <summary>
/// The owner's view of progress: per school's running or completed programme, each objective's latest colour and
/// when it was last rated. Never the comments: they are the team's and the school's conversation.
/// </summary>
public sealed class OverviewModel(StillasDb db, CurrentScope current) : PageModel
{
    public sealed record ProgrammeRow(int Id, string School, string SchoolYear, ProgrammeStatus Status, List<Objectives.Latest> Objectives);

    public List<ProgrammeRow> Programmes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = current.Scope;
        if (!scope.Can(Permission.FollowUpSelection)) return Forbid();
        var staffOf = scope.StaffOwnerIds;
        var isSystem = scope.IsSystem;
        var programmes = await db.Programmes.AsNoTracking()
            .Where(p => (isSystem || staffOf.Contains(p.OwnerId)) && p.Status != ProgrammeStatus.Cancelled)
            .OrderBy(p => p.School!.Name).ThenBy(p => p.StartDate).ThenBy(p => p.Id)
            .Select(p => new { p.Id, School = p.School!.Name, p.SchoolYear, p.Status })
            .ToListAsync(ct);
        var ids = programmes.Select(p => p.Id).ToArray();
        var objectives = (await Objectives.LatestAsync(db, ids, ct)).ToLookup(o => o.ProgrammeId);
        Programmes = [.. programmes.Select(p => new ProgrammeRow(p.Id, p.School, p.SchoolYear, p.Status, [.. objectives[p.Id]]))];
        return Page();
    }
}
