using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Teams;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Selection;

/// <summary>Open (no id) and edit (id) a selection round with one form. A round stays with its owner.</summary>
public sealed class EditModel(StillasDb db, CurrentScope current, TimeProvider clock) : PageModel
{
    [BindProperty] public RoundInput Input { get; set; } = new();
    public int? Id { get; private set; }
    public string? OwnerName { get; private set; }
    public List<SelectListItem> OwnerOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, int? owner, CancellationToken ct)
    {
        Id = id;
        if (id is int existingId)
        {
            var round = await db.SelectionRounds.AsNoTracking().Include(r => r.Owner).SingleOrDefaultAsync(r => r.Id == existingId, ct);
            if (round is null) return NotFound();
            if (!current.Scope.Can(Permission.ManageSelection, round.OwnerId)) return Forbid();
            Input = RoundInput.From(round);
            OwnerName = round.Owner!.Name;
            return Page();
        }
        if (!current.Scope.Can(Permission.ManageSelection)) return Forbid();
        Input.OwnerId = owner;
        // Rounds are opened for the school year that starts next August.
        var firstYear = SelectionRules.NextFirstYear(TeamRules.Today(clock));
        Input.SchoolYear = SelectionRules.Format(firstYear);
        // The deadline is left empty: it then follows whichever school year is typed.
        await LoadOptionsAsync(ct);
        if (Input.OwnerId is null && OwnerOptions.Count == 1) Input.OwnerId = int.Parse(OwnerOptions[0].Value, System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        SelectionRound? round = null;
        if (id is int existingId)
        {
            round = await db.SelectionRounds.Include(r => r.Owner).Include(r => r.Candidates).SingleOrDefaultAsync(r => r.Id == existingId, ct);
            if (round is null) return NotFound();
            if (!current.Scope.Can(Permission.ManageSelection, round.OwnerId)) return Forbid();
            // The owner is not editable here: the form shows it as text.
            ModelState.Remove("Input.OwnerId");
            Input.OwnerId = round.OwnerId;
            OwnerName = round.Owner!.Name;
        }
        else
        {
            if (!current.Scope.Can(Permission.ManageSelection)) return Forbid();
            Input.Status = null;
        }

        if (round is null && Input.OwnerId is int ownerId && !current.Scope.Can(Permission.ManageSelection, ownerId))
            ModelState.AddModelError("Input.OwnerId", L.T("Du kan ikke åpne utvalgsrunder for denne skoleeieren."));
        foreach (var (field, message) in Input.Check(round))
            if (!ModelState.TryGetValue("Input." + field, out var entry) || entry.Errors.Count == 0)
                ModelState.AddModelError("Input." + field, message);
        if (!ModelState.IsValid)
        {
            if (round is null) await LoadOptionsAsync(ct);
            return Page();
        }

        if (round is null)
        {
            round = new SelectionRound { SchoolYear = "", Title = "" };
            db.SelectionRounds.Add(round);
        }
        else db.Expect(round, Input.Version);
        Input.Apply(round);
        if (!await db.TrySaveAsync(this, ct)) return Page();
        TempData["Message"] = id is null
            ? L.T("Utvalgsrunden for {0} er åpnet. Legg til skolene som er aktuelle.", round.SchoolYear)
            : L.T("Endringene er lagret.");
        return RedirectToPage("/Selection/Details", new { id = round.Id });
    }

    private async Task LoadOptionsAsync(CancellationToken ct)
    {
        var scope = current.Scope;
        var admin = scope.AdminOwnerIds;
        OwnerOptions = await db.Owners.AsNoTracking()
            .Where(o => o.Active && (scope.IsSystem || admin.Contains(o.Id))).OrderBy(o => o.Name)
            .Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToListAsync(ct);
    }
}
