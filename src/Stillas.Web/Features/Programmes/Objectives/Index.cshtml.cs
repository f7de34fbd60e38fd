using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Programmes.Objectives;

/// <summary>
/// The objectives of the school's development area: the list with each objective's latest rating and its history,
/// a form to add one, the development area's suggestions while the list is empty, and deletion of an objective that
/// has never been rated (one with ratings is closed instead, on its edit page).
/// </summary>
public sealed class IndexModel(StillasDb db, CurrentScope current) : PageModel
{
    public sealed record RatingRow(int ObjectiveId, ObjectiveColour Colour, string? Comment, RatingOccasion Occasion, int? SessionNumber, string RatedByName, DateTimeOffset RatedAt);

    public ProgrammeHead Programme { get; private set; } = default!;
    public List<Objectives.Latest> Items { get; private set; } = [];
    public ILookup<int, RatingRow> History { get; private set; } = Array.Empty<RatingRow>().ToLookup(r => r.ObjectiveId);
    public IReadOnlyList<string> Suggestions { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool CanRate { get; private set; }
    public bool SeesComments { get; private set; }
    [BindProperty] public ObjectiveInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int programmeId, CancellationToken ct) =>
        await LoadAsync(programmeId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(int programmeId, CancellationToken ct)
    {
        if (!await LoadAsync(programmeId, ct)) return NotFound();
        if (!CanEdit) return Forbid();
        if (!ModelState.IsValid) return Page();
        var programme = await db.Programmes.SingleAsync(p => p.Id == programmeId, ct);
        var order = Input.Order ?? (Items.Count == 0 ? 1 : Items.Max(i => i.Order) + 1);
        db.ObjectivesSet().Add(new DevelopmentObjective { ProgrammeId = programmeId, Title = Input.Title!.Trim(), Description = Clean(Input.Description), Order = order }.PlaceIn(programme));
        await db.SaveChangesAsync(ct);
        TempData["Message"] = L.T("Målet er lagt til.");
        return RedirectToPage(new { programmeId });
    }

    /// <summary>Adds the development area's suggestions, while the list is still empty.</summary>
    public async Task<IActionResult> OnPostSuggestAsync(int programmeId, CancellationToken ct)
    {
        if (!await LoadAsync(programmeId, ct)) return NotFound();
        if (!CanEdit) return Forbid();
        if (Items.Count > 0 || Suggestions.Count == 0)
        {
            TempData["Message"] = L.T("Forslagene legges bare til når listen er tom.");
            return RedirectToPage(new { programmeId });
        }
        var programme = await db.Programmes.SingleAsync(p => p.Id == programmeId, ct);
        var order = 1;
        foreach (var title in Suggestions)
            db.ObjectivesSet().Add(new DevelopmentObjective { ProgrammeId = programmeId, Title = title, Order = order++ }.PlaceIn(programme));
        await db.SaveChangesAsync(ct);
        TempData["Message"] = L.T("Forslagene er lagt til. Rett dem gjerne.");
        return RedirectToPage(new { programmeId });
    }

    /// <summary>Deletes an objective that has no ratings; one with ratings is refused with the way out: close it.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int programmeId, int objectiveId, CancellationToken ct)
    {
        if (!await LoadAsync(programmeId, ct)) return NotFound();
        if (!CanEdit) return Forbid();
        var objective = await db.ObjectivesSet().SingleOrDefaultAsync(o => o.Id == objectiveId && o.ProgrammeId == programmeId, ct);
        if (objective is null) return NotFound();
        if (await db.RatingsSet().AnyAsync(r => r.ObjectiveId == objectiveId, ct))
        {
            ModelState.AddModelError("", L.T("«{0}» er vurdert og kan ikke slettes. Avslutt målet med en begrunnelse i stedet, så blir historikken bevart.", objective.Title));
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        db.ObjectivesSet().Remove(objective);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = L.T("Målet er slettet.");
        return RedirectToPage(new { programmeId });
    }

    private async Task<bool> LoadAsync(int programmeId, CancellationToken ct)
    {
        var p = await ProgrammeHead.LoadAsync(db, programmeId, ct);
        if (p is null) return false;
        Programme = p;
        var scope = current.Scope;
        CanEdit = Objectives.MayEdit(scope, p);
        CanRate = Objectives.MayRate(scope, p);
        SeesComments = Objectives.SeesComments(scope, p);
        Items = await Objectives.LatestAsync(db, [programmeId], ct);
        var seesComments = SeesComments;
        var history = await db.RatingsSet().AsNoTracking().Where(r => r.ProgrammeId == programmeId)
            .OrderByDescending(r => r.RatedAt).ThenByDescending(r => r.Id)
            .Select(r => new RatingRow(r.ObjectiveId, r.Colour, seesComments ? r.Comment : null, r.Occasion, r.SessionNumber, r.RatedByName, r.RatedAt))
            .ToListAsync(ct);
        History = history.ToLookup(r => r.ObjectiveId);
        if (Items.Count == 0 && CanEdit) Suggestions = await Objectives.SuggestAsync(db, programmeId, ct);
        return true;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
