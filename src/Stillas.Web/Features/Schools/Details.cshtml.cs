using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.People;
using Stillas.Web.Features.Selection;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Schools;

public sealed class DetailsModel(StillasDb db, CurrentScope current) : PageModel
{
    public sealed record PersonRow(int Id, string Name, string? Title, Role Role);

    public School School { get; private set; } = default!;
    public string OwnerName { get; private set; } = "";
    public List<PersonRow> People { get; private set; } = [];
    public bool CanManage { get; private set; }
    /// <summary>The school's candidacies for guidance that the user may see (the filters decide).</summary>
    public List<SelectionRules.HistoryRow> Offers { get; private set; } = [];
    public bool CanFollowUpSelection { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var school = await db.Schools.AsNoTracking().Include(s => s.Owner).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (school is null) return NotFound();
        School = school;
        OwnerName = school.Owner!.Name;
        CanManage = current.Scope.Can(Permission.ManageSchools, school.OwnerId);
        People = await db.Memberships.AsNoTracking().Where(m => m.SchoolId == id && m.Active && m.Person!.Active)
            .OrderBy(m => m.Role).ThenBy(m => m.Person!.Name)
            .Select(m => new PersonRow(m.PersonId, m.Person!.Name, m.Person.Title, m.Role)).ToListAsync(ct);
        Offers = await SelectionRules.OfferHistoryAsync(db, id, ct);
        CanFollowUpSelection = current.Scope.Can(Permission.FollowUpSelection, school.OwnerId);
        return Page();
    }

    public Task<IActionResult> OnPostDeactivateAsync(int id, CancellationToken ct) => SetActiveAsync(id, false, ct);
    public Task<IActionResult> OnPostActivateAsync(int id, CancellationToken ct) => SetActiveAsync(id, true, ct);

    private async Task<IActionResult> SetActiveAsync(int id, bool active, CancellationToken ct)
    {
        var school = await db.Schools.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (school is null) return NotFound();
        if (!current.Scope.Can(Permission.ManageSchools, school.OwnerId)) return Forbid();
        school.Active = active;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = active ? L.T("{0} er aktivert igjen.", school.Name) : L.T("{0} er deaktivert. Den vises ikke lenger i lister over aktive skoler.", school.Name);
        return RedirectToPage(new { id });
    }
}
