using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;

namespace Stillas.Web.Features.Programmes.Assessment;

/// <summary>The owner's administrator sets how long notes a guide chose to keep may live after the report is final.</summary>
public sealed class RetentionModel(StillasDb db, CurrentScope current) : PageModel
{
    [BindProperty] public int? Days { get; set; }
    /// <summary>The settings' version the form was read at (0: none yet).</summary>
    [BindProperty] public int? Version { get; set; }
    public string OwnerName { get; private set; } = "";
    public int OwnerId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int ownerId, CancellationToken ct)
    {
        if (await AuthoriseAsync(ownerId, ct) is { } refused) return refused;
        Days = await AssessmentService.RetentionDaysAsync(db, ownerId, ct);
        Version = await AssessmentService.SettingsVersionAsync(db, ownerId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int ownerId, CancellationToken ct)
    {
        if (await AuthoriseAsync(ownerId, ct) is { } refused) return refused;
        if (AssessmentService.CheckRetentionDays(Days) is { } error)
        {
            // "abc" or a number too large for an int binds to null: one Norwegian message, the typed text kept.
            if (ModelState.TryGetValue(nameof(Days), out var entry)) entry.Errors.Clear();
            ModelState.AddModelError(nameof(Days), error);
            return Page();
        }
        try
        {
            await AssessmentService.SetRetentionDaysAsync(db, ownerId, Days!.Value, ct, Version);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            // Another administrator saved meanwhile: both shown, the typed number kept, the form carrying their version.
            await EditConflicts.ShowAsync(db, this, ex, ct);
            return Page();
        }
        TempData["Message"] = Platform.Text.L.T("Beholdte notater slettes senest {0} dager etter at rapporten er endelig. Gjelder rapporter som gjøres endelige fra nå.", Days);
        return RedirectToPage(new { ownerId });
    }

    private async Task<IActionResult?> AuthoriseAsync(int ownerId, CancellationToken ct)
    {
        var name = await db.Owners.AsNoTracking().Where(o => o.Id == ownerId).Select(o => o.Name).SingleOrDefaultAsync(ct);
        if (name is null) return NotFound();
        if (!current.Scope.Can(Permission.ManageProgrammes, ownerId)) return Forbid();
        (OwnerName, OwnerId) = (name, ownerId);
        return null;
    }
}
