using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Models;

/// <summary>
/// An owner's own model: its cadence and steps, which the owner administrator changes. A change to a
/// version that programmes use makes a new version; those programmes keep the one they started with.
/// </summary>
public sealed class DetailsModel(StillasDb db, CurrentScope current) : PageModel
{
    public sealed class CadenceInput
    {
        [Required(ErrorMessage = "Skriv inn antall veiledninger per halvår.")]
        [Range(1, 6, ErrorMessage = "Antall veiledninger per halvår må være fra 1 til 6.")]
        public int? SessionsPerHalfYear { get; set; }

        [Required(ErrorMessage = "Skriv inn hvor mange timer en veiledning varer.")]
        [Range(1, 8, ErrorMessage = "En veiledning må vare fra 1 til 8 timer.")]
        public int? SessionHours { get; set; }
    }

    [BindProperty] public CadenceInput Cadence { get; set; } = new();
    /// <summary>The model's concurrency token the page read (its forms send it back; a save based on an older one is refused).</summary>
    [BindProperty] public int? Revision { get; set; }

    public ProgrammeModel Entity { get; private set; } = default!;
    public ProgrammeTemplate Template { get; private set; } = default!;
    public string OwnerName { get; private set; } = "";
    public int InUse { get; private set; }
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, tracked: false, ct)) return NotFound();
        Cadence = new CadenceInput { SessionsPerHalfYear = Template.Cadence.SessionsPerHalfYear, SessionHours = Template.Cadence.SessionHours };
        Revision = Entity.Revision;
        return Page();
    }

    public async Task<IActionResult> OnPostCadenceAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, tracked: true, ct)) return NotFound();
        if (!CanEdit) return Forbid();
        if (!ModelState.IsValid) return Page();
        var changed = Template;
        if (Cadence.SessionsPerHalfYear != changed.Cadence.SessionsPerHalfYear) changed = changed.WithSessionsPerHalfYear(Cadence.SessionsPerHalfYear!.Value);
        if (Cadence.SessionHours != changed.Cadence.SessionHours) changed = changed.WithSessionHours(Cadence.SessionHours!.Value);
        return await SaveAsync(changed, L.T("Hyppigheten er lagret."), ct, theirs =>
        [
            new(nameof(Cadence.SessionsPerHalfYear), L.T("Veiledninger per halvår"), Text(theirs.Cadence.SessionsPerHalfYear), Text(Cadence.SessionsPerHalfYear)),
            new(nameof(Cadence.SessionHours), L.T("Timer per veiledning"), Text(theirs.Cadence.SessionHours), Text(Cadence.SessionHours)),
        ]);
    }

    public async Task<IActionResult> OnPostRemoveStepAsync(int id, string key, CancellationToken ct)
    {
        if (!await LoadAsync(id, tracked: true, ct)) return NotFound();
        if (!CanEdit) return Forbid();
        if (Template.Steps.All(s => s.Key != key)) return NotFound();
        var title = Template.Step(key).Title;
        ProgrammeTemplate changed;
        try
        {
            changed = Template.RemoveStep(key);
        }
        catch (ArgumentException e)
        {
            ModelState.AddModelError("", e.Message);
            return Page();
        }
        return await SaveAsync(changed, L.T("«{0}» er fjernet fra modellen.", L.Data(title)), ct);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, tracked: true, ct)) return NotFound();
        if (!CanEdit) return Forbid();
        var used = await db.Programmes.AnyAsync(p => p.OwnerId == Entity.OwnerId && p.TemplateKey == Entity.Key, ct);
        if (used)
        {
            ModelState.AddModelError("", L.T("Modellen er brukt av veiledningsforløp og kan ikke slettes."));
            return Page();
        }
        db.ProgrammeModels.Remove(Entity);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = L.T("{0} er slettet.", L.Data(Entity.Name));
        return RedirectToPage("/Models/Index");
    }

    private static string? Text(int? n) => n?.ToString(System.Globalization.CultureInfo.CurrentCulture);

    /// <param name="both">The fields the form edits, theirs (the model as stored now) beside the posted ones, for a refused save.</param>
    private async Task<IActionResult> SaveAsync(ProgrammeTemplate changed, string message, CancellationToken ct, Func<ProgrammeTemplate, IEnumerable<ConflictField>>? both = null)
    {
        var before = Entity.Version;
        var id = Entity.Id;
        if (Revision is int revision) db.Expect(Entity, revision);
        Entity.Store(changed, InUse > 0);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            // Someone changed the model since this page was read: nothing is saved; the page shows the model as it is
            // now, both versions of what this form edits, keeps what was typed and carries the stored revision.
            var conflict = await EditConflicts.ShowAsync(db, this, ex, ct);
            if (!await LoadAsync(id, tracked: false, ct)) return NotFound();
            Revision = Entity.Revision;
            if (both is not null) ModelPages.ShowBoth(this, conflict, both(Template));
            return Page();
        }
        TempData["Message"] = Entity.Version != before
            ? L.T("{0} Modellen er nå versjon {1}; forløpene som bruker versjon {2}, beholder den.", message, Entity.Version, before)
            : message;
        return RedirectToPage(new { id = Entity.Id });
    }

    private async Task<bool> LoadAsync(int id, bool tracked, CancellationToken ct)
    {
        var query = tracked ? db.ProgrammeModels : db.ProgrammeModels.AsNoTracking();
        var model = await query.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (model is null) return false;
        Entity = model;
        Template = model.Template();
        OwnerName = await db.Owners.AsNoTracking().Where(o => o.Id == model.OwnerId).Select(o => o.Name).SingleAsync(ct);
        InUse = await ModelPages.ProgrammesUsingAsync(db, model, ct);
        CanEdit = current.Scope.Can(Permission.ManageProgrammes, model.OwnerId);
        return true;
    }
}
