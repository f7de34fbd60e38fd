using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Calendar;
using Stillas.Web.Platform.Data;

namespace Stillas.Web.Features.Programmes.Evaluation;

/// <summary>The owner's yearly evaluations: one per school year that has programmes, written or still to write.</summary>
public sealed class IndexModel(StillasDb db, CurrentScope current) : PageModel
{
    public sealed record YearRow(int OwnerId, string Owner, SchoolYear Year, int Programmes, YearlyEvaluation? Record);

    public List<YearRow> Years { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = current.Scope;
        if (!scope.Can(Permission.FollowUpSelection)) return Forbid();
        var staffOf = scope.StaffOwnerIds;
        var isSystem = scope.IsSystem;
        // The school years in which each owner's programmes have an evaluation meeting in their plan.
        var steps = await db.PlanSteps.AsNoTracking()
            .Where(s => (isSystem || staffOf.Contains(s.OwnerId)) && s.Key.EndsWith(".evaluationmeeting") && s.Status != StepStatus.Cancelled)
            .Select(s => new { s.OwnerId, s.ProgrammeId, s.Date }).ToListAsync(ct);
        var owners = steps.Select(s => s.OwnerId).Distinct().ToArray();
        var names = await db.Owners.AsNoTracking().Where(o => owners.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var records = await db.YearlyEvaluationsSet().AsNoTracking().Where(e => owners.Contains(e.OwnerId)).ToListAsync(ct);
        Years = [.. steps.GroupBy(s => (s.OwnerId, Year: SchoolYear.Of(s.Date)))
            .Select(g => new YearRow(g.Key.OwnerId, names.GetValueOrDefault(g.Key.OwnerId) ?? "", g.Key.Year, g.Select(s => s.ProgrammeId).Distinct().Count(),
                records.FirstOrDefault(r => r.OwnerId == g.Key.OwnerId && r.SchoolYear == g.Key.Year.ToString())))
            .OrderBy(y => y.Owner, StringComparer.Ordinal).ThenByDescending(y => y.Year.StartYear)];
        return Page();
    }
}
