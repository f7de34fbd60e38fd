using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Schools;

/// <summary>Create (no id) and edit (id) a school with one form.</summary>
public sealed class EditModel(StillasDb db, CurrentScope current) : PageModel
{
    [BindProperty] public SchoolInput Input { get; set; } = new();
    public int? Id { get; private set; }
    public List<SelectListItem> OwnerOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, int? owner, CancellationToken ct)
    {
        Id = id;
        if (id is int existingId)
        {
            var school = await db.Schools.AsNoTracking().SingleOrDefaultAsync(s => s.Id == existingId, ct);
            if (school is null) return NotFound();
            if (!current.Scope.Can(Permission.ManageSchools, school.OwnerId)) return Forbid();
            Input = SchoolInput.From(school);
        }
        else
        {
            if (!current.Scope.Can(Permission.ManageSchools)) return Forbid();
            Input.OwnerId = owner;
        }
        await LoadOptionsAsync(ct);
        if (Input.OwnerId is null && OwnerOptions.Count == 1) Input.OwnerId = int.Parse(OwnerOptions[0].Value, System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        School? school = null;
        if (id is int existingId)
        {
            school = await db.Schools.SingleOrDefaultAsync(s => s.Id == existingId, ct);
            if (school is null) return NotFound();
            if (!current.Scope.Can(Permission.ManageSchools, school.OwnerId)) return Forbid();
        }
        else if (!current.Scope.Can(Permission.ManageSchools)) return Forbid();

        if (Input.OwnerId is int ownerId && !current.Scope.Can(Permission.ManageSchools, ownerId))
            ModelState.AddModelError("Input.OwnerId", L.T("Du kan ikke legge skoler til denne skoleeieren."));
        if (ModelState.IsValid)
            foreach (var (field, message) in await Input.CheckAsync(db, id, ct))
                ModelState.AddModelError("Input." + field, message);
        if (!ModelState.IsValid)
        {
            await LoadOptionsAsync(ct);
            return Page();
        }

        if (school is null)
        {
            school = new School { Name = "", OrganisationNumber = "" };
            db.Schools.Add(school);
        }
        else db.Expect(school, Input.Version);
        Input.Apply(school);
        if (!await db.TrySaveAsync(this, ct))
        {
            await LoadOptionsAsync(ct);
            return Page();
        }
        TempData["Message"] = id is null ? L.T("{0} er lagt til.", school.Name) : L.T("Endringene er lagret.");
        return RedirectToPage("/Schools/Details", new { id = school.Id });
    }

    private async Task LoadOptionsAsync(CancellationToken ct)
    {
        var scope = current.Scope;
        var admin = scope.AdminOwnerIds;
        OwnerOptions = await db.Owners.AsNoTracking()
            .Where(o => scope.IsSystem || admin.Contains(o.Id)).OrderBy(o => o.Name)
            .Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToListAsync(ct);
    }
}
