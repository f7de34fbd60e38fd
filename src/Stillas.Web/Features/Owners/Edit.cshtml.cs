using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Owners;

/// <summary>Create (no id; system administrator) and edit (id; the owner's administrators) a school owner.</summary>
public sealed class EditModel(StillasDb db, CurrentScope current) : PageModel
{
    [BindProperty] public OwnerInput Input { get; set; } = new();
    public int? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is int existingId)
        {
            var owner = await db.Owners.AsNoTracking().SingleOrDefaultAsync(o => o.Id == existingId, ct);
            if (owner is null) return NotFound();
            if (!current.Scope.Can(Permission.ManageOwner, owner.Id)) return Forbid();
            Input = OwnerInput.From(owner);
        }
        else if (!current.Scope.Can(Permission.ManageSystem)) return Forbid();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        SchoolOwner? owner = null;
        if (id is int existingId)
        {
            owner = await db.Owners.SingleOrDefaultAsync(o => o.Id == existingId, ct);
            if (owner is null) return NotFound();
            if (!current.Scope.Can(Permission.ManageOwner, owner.Id)) return Forbid();
        }
        else if (!current.Scope.Can(Permission.ManageSystem)) return Forbid();

        if (ModelState.IsValid)
            foreach (var (field, message) in await Input.CheckAsync(db, id, ct))
                ModelState.AddModelError("Input." + field, message);
        if (!ModelState.IsValid) return Page();

        if (owner is null)
        {
            owner = new SchoolOwner { Name = "", OrganisationNumber = "" };
            db.Owners.Add(owner);
        }
        else db.Expect(owner, Input.Version);
        Input.Apply(owner);
        if (!await db.TrySaveAsync(this, ct)) return Page();
        TempData["Message"] = id is null ? L.T("{0} er lagt til. Inviter skoleeierens administrator, og legg til skolene.", owner.Name) : L.T("Endringene er lagret.");
        return RedirectToPage("/Owners/Details", new { id = owner.Id });
    }
}
