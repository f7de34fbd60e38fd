using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Account;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Mail;
using Stillas.Web.Platform.Text;
using AccountEntity = Stillas.Web.Features.Account.Account;

namespace Stillas.Web.Features.People;

/// <summary>Invite a person (no id: /People/Create) or edit one (id) with one form.</summary>
public sealed class EditModel(StillasDb db, CurrentScope current, UserManager<AccountEntity> users, AccountLinks links, Outbox outbox) : PageModel
{
    [BindProperty] public InviteInput Input { get; set; } = new();
    public int? Id { get; private set; }
    public List<SelectListItem> OwnerOptions { get; private set; } = [];
    public List<SelectListItem> RoleOptions { get; private set; } = [];
    public List<SelectListItem> SchoolOptions { get; private set; } = [];
    public List<SelectListItem> UniversityOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, int? owner, int? school, CancellationToken ct)
    {
        Id = id;
        if (id is int existingId)
        {
            var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == existingId, ct);
            if (person is null) return NotFound();
            if (!PersonAccess.CanManage(current.Scope, person.OwnerId)) return Forbid();
            Input.Fill(person);
            return Page();
        }
        if (!current.Scope.Can(Permission.ManagePeople)) return Forbid();
        Input.OwnerId = owner;
        Input.SchoolId = school;
        await LoadOptionsAsync(ct);
        if (Input.OwnerId is null && OwnerOptions.Count == 1) Input.OwnerId = int.Parse(OwnerOptions[0].Value, System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is int existingId)
        {
            var person = await db.People.SingleOrDefaultAsync(p => p.Id == existingId, ct);
            if (person is null) return NotFound();
            if (!PersonAccess.CanManage(current.Scope, person.OwnerId)) return Forbid();
            // Editing changes who the person is; the owner and roles are not part of this form.
            foreach (var field in new[] { nameof(InviteInput.OwnerId), nameof(InviteInput.Role), nameof(InviteInput.SchoolId), nameof(InviteInput.UniversityId) })
                ModelState.Remove($"{nameof(Input)}.{field}");
            try
            {
                if (ModelState.IsValid)
                    foreach (var (field, message) in await PersonAccounts.UpdateAsync(db, users, outbox, current.Scope, person, Input, ct))
                        ModelState.AddModelError($"{nameof(Input)}.{field}", message);
            }
            catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException ex)
            {
                await EditConflicts.ShowAsync(db, this, ex, ct);
            }
            if (!ModelState.IsValid) return Page();
            TempData["Message"] = L.T("Endringene er lagret.");
            return RedirectToPage("/People/Details", new { id = person.Id });
        }

        if (!current.Scope.Can(Permission.ManagePeople)) return Forbid();
        if (ModelState.IsValid)
        {
            var (invited, errors) = await PersonAccounts.InviteAsync(db, users, links, current.Scope, Input, ct);
            foreach (var (field, message) in errors) ModelState.AddModelError($"{nameof(Input)}.{field}", message);
            if (invited is not null)
            {
                TempData["Message"] = L.T("{0} er invitert. Invitasjonen er sendt til {1}.", invited.Name, invited.Email);
                return RedirectToPage("/People/Details", new { id = invited.Id });
            }
        }
        await LoadOptionsAsync(ct);
        return Page();
    }

    private async Task LoadOptionsAsync(CancellationToken ct)
    {
        var scope = current.Scope;
        OwnerOptions = await PeopleOptions.OwnerOptionsAsync(db, scope, ct);
        RoleOptions = PeopleOptions.RoleOptions(scope);
        // A system administrator picks among the chosen owner's schools, not the whole country's.
        SchoolOptions = await PeopleOptions.SchoolOptionsAsync(db, scope, scope.IsSystem ? Input.OwnerId : null, ct);
        UniversityOptions = await PeopleOptions.UniversityOptionsAsync(db, ct);
    }
}
