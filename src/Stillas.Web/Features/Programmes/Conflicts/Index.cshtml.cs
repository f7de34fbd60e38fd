using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Teams;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Programmes.Conflicts;

/// <summary>
/// A programme's possible conflicts of interest (a team member who leads the school, or led or worked at it in the
/// last five years) and how each is handled. The owner's staff and the team see it; the owner's staff record how a
/// conflict is handled, and the programme and team pages warn until they have.
/// </summary>
public sealed class IndexModel(StillasDb db, CurrentScope current, TimeProvider clock) : PageModel
{
    public sealed class HandlingInput
    {
        [Required(ErrorMessage = "Velg teammedlemmet det gjelder.")]
        public int? PersonId { get; set; }

        [Required(ErrorMessage = "Skriv hvordan inhabiliteten håndteres.")]
        [StringLength(ConflictHandling.HandlingMax, ErrorMessage = "Skriv høyst 1000 tegn.")]
        public string? Handling { get; set; }
    }

    public ProgrammeHead Programme { get; private set; } = default!;
    public List<ConflictOfInterest.Conflict> Open { get; private set; } = [];
    public List<ConflictHandling> Handled { get; private set; } = [];
    public bool CanHandle { get; private set; }
    public List<SelectListItem> PersonOptions { get; private set; } = [];

    [BindProperty] public HandlingInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (Open.Count == 1) Input.PersonId = Open[0].PersonId;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!CanHandle) return Forbid();
        var conflict = Open.FirstOrDefault(c => c.PersonId == Input.PersonId);
        if (Input.PersonId is not null && conflict is null)
            ModelState.AddModelError($"{nameof(Input)}.{nameof(HandlingInput.PersonId)}",
                Handled.Any(h => h.PersonId == Input.PersonId) ? L.T("Det er allerede registrert hvordan dette håndteres.") : L.T("Velg et teammedlem med mulig inhabilitet."));
        if (!ModelState.IsValid) return Page();
        var programme = await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == id, ct);
        var scope = current.Scope;
        db.Add(new ConflictHandling
        {
            ProgrammeId = id, PersonId = conflict!.PersonId, PersonName = conflict.PersonName, Conflict = Clip(conflict.Text, 500),
            Handling = Input.Handling!.Trim(), ByName = Clip(scope.ActorName, 200), ByPersonId = scope.PersonId,
        }.PlaceIn(programme));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone recorded it in the meantime (one record per person and programme).
            db.ChangeTracker.Clear();
            await LoadAsync(id, ct);
            ModelState.AddModelError($"{nameof(Input)}.{nameof(HandlingInput.PersonId)}", L.T("Det er allerede registrert hvordan dette håndteres."));
            return Page();
        }
        TempData["Message"] = L.T("Det er registrert hvordan inhabiliteten til {0} håndteres.", conflict.PersonName);
        return RedirectToPage(new { id });
    }

    private static string Clip(string s, int max) => s.Length > max ? s[..max] : s;

    /// <summary>Loads the page; returns the refusal when the programme is not visible (404) or its conflicts are not the user's to see (403).</summary>
    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var programme = await ProgrammeHead.LoadAsync(db, id, ct);
        if (programme is null) return NotFound();
        var scope = current.Scope;
        if (!ConflictOfInterest.MaySee(scope, programme.OwnerId, programme.TeamId)) return Forbid();
        Programme = programme;
        CanHandle = ConflictOfInterest.MayHandle(scope, programme.OwnerId) && programme.IsActive;
        var today = ProgrammePlanning.Today(clock);
        var open = await ConflictOfInterest.OpenForProgrammesAsync(db.ConflictFacts(), [(id, programme.SchoolId, programme.TeamId)], today, ct);
        Open = [.. open[id]];
        Handled = await db.Set<ConflictHandling>().AsNoTracking().Where(h => h.ProgrammeId == id).OrderByDescending(h => h.CreatedAt).ThenByDescending(h => h.Id).ToListAsync(ct);
        PersonOptions = [.. Open.Select(c => new SelectListItem(c.PersonName, c.PersonId.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
        return null;
    }
}
