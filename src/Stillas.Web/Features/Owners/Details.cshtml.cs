using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Owners;

/// <summary>One school owner: facts, what the user may see of its schools, teams and people, and the administrator's shortcuts.</summary>
public sealed class DetailsModel(StillasDb db, CurrentScope current) : PageModel
{
    public sealed record OwnerView(int Id, string Name, OwnerKind Kind, string OrganisationNumber, bool Active, DateTimeOffset CreatedAt, int Schools, int Teams, int People);

    public OwnerView Owner { get; private set; } = default!;
    /// <summary>Edit the owner's details (its administrators and the system administrator).</summary>
    public bool CanEdit { get; private set; }
    /// <summary>Add schools, invite people, import (the owner's administrators).</summary>
    public bool CanAdminister { get; private set; }
    /// <summary>Deactivate and activate owners (system administrator).</summary>
    public bool CanDeactivate { get; private set; }
    public bool ShowTeams { get; private set; }
    public bool ShowPeople { get; private set; }
    /// <summary>The retention period for kept assessment notes, for those who may set it (null for the others).</summary>
    public int? NoteRetentionDays { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        // Counts go through the access filters: each shows what this user may open behind the link.
        var owner = await db.Owners.AsNoTracking().Where(o => o.Id == id)
            .Select(o => new OwnerView(o.Id, o.Name, o.Kind, o.OrganisationNumber, o.Active, o.CreatedAt,
                db.Schools.Count(s => s.OwnerId == o.Id && s.Active),
                db.Teams.Count(t => t.OwnerId == o.Id && t.Active),
                db.People.Count(p => p.OwnerId == o.Id && p.Active)))
            .SingleOrDefaultAsync(ct);
        if (owner is null) return NotFound();
        Owner = owner;
        var scope = current.Scope;
        CanEdit = scope.Can(Permission.ManageOwner, id);
        CanAdminister = scope.Can(Permission.ManageSchools, id);
        CanDeactivate = scope.Can(Permission.ManageSystem);
        ShowTeams = scope.IsStaffOf(id) || owner.Teams > 0;
        ShowPeople = scope.Can(Permission.ViewPeople, id);
        if (scope.Can(Permission.ManageProgrammes, id))
            NoteRetentionDays = await Programmes.Assessment.AssessmentService.RetentionDaysAsync(db, id, ct);
        return Page();
    }

    public Task<IActionResult> OnPostDeactivateAsync(int id, CancellationToken ct) => SetActiveAsync(id, false, ct);
    public Task<IActionResult> OnPostActivateAsync(int id, CancellationToken ct) => SetActiveAsync(id, true, ct);

    private async Task<IActionResult> SetActiveAsync(int id, bool active, CancellationToken ct)
    {
        var owner = await db.Owners.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (owner is null) return NotFound();
        if (!current.Scope.Can(Permission.ManageSystem)) return Forbid();
        owner.Active = active;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = active ? L.T("{0} er aktivert igjen.", owner.Name) : L.T("{0} er deaktivert. Den vises ikke lenger i lister over aktive skoleeiere.", owner.Name);
        return RedirectToPage(new { id });
    }
}
