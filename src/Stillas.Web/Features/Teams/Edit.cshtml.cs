using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Teams;

/// <summary>Create (no id) and edit (id) a guidance team with one form. A team stays with its owner.</summary>
public sealed class EditModel(StillasDb db, CurrentScope current) : PageModel
{
    [BindProperty] public TeamInput Input { get; set; } = new();
    public int? Id { get; private set; }
    public string? OwnerName { get; private set; }
    public List<SelectListItem> OwnerOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, int? owner, CancellationToken ct)
    {
        Id = id;
        if (id is int existingId)
        {
            var team = await db.Teams.AsNoTracking().Include(t => t.Owner).SingleOrDefaultAsync(t => t.Id == existingId, ct);
            if (team is null) return NotFound();
            if (!current.Scope.Can(Permission.ManageTeams, team.OwnerId)) return Forbid();
            Input = TeamInput.From(team);
            OwnerName = team.Owner!.Name;
            return Page();
        }
        if (!current.Scope.Can(Permission.ManageTeams)) return Forbid();
        Input.OwnerId = owner;
        Input.Capacity = 3;
        await LoadOptionsAsync(ct);
        if (Input.OwnerId is null && OwnerOptions.Count == 1) Input.OwnerId = int.Parse(OwnerOptions[0].Value, System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        GuidanceTeam? team = null;
        if (id is int existingId)
        {
            team = await db.Teams.Include(t => t.Owner).SingleOrDefaultAsync(t => t.Id == existingId, ct);
            if (team is null) return NotFound();
            if (!current.Scope.Can(Permission.ManageTeams, team.OwnerId)) return Forbid();
            // The owner is not editable here: the form shows it as text.
            ModelState.Remove("Input.OwnerId");
            Input.OwnerId = team.OwnerId;
            OwnerName = team.Owner!.Name;
        }
        else if (!current.Scope.Can(Permission.ManageTeams)) return Forbid();

        if (team is null && Input.OwnerId is int ownerId && !current.Scope.Can(Permission.ManageTeams, ownerId))
            ModelState.AddModelError("Input.OwnerId", L.T("Du kan ikke opprette veilederteam for denne skoleeieren."));
        if (ModelState.IsValid)
            foreach (var (field, message) in await Input.CheckAsync(db, team, ct))
                ModelState.AddModelError("Input." + field, message);
        if (!ModelState.IsValid)
        {
            if (team is null) await LoadOptionsAsync(ct);
            return Page();
        }

        if (team is null)
        {
            team = new GuidanceTeam { Name = "" };
            db.Teams.Add(team);
        }
        else db.Expect(team, Input.Version);
        Input.Apply(team);
        if (!await db.TrySaveAsync(this, ct)) return Page();
        TempData["Message"] = id is null ? L.T("{0} er opprettet. Legg til medlemmer: utviklingsveileder, skoleleder og veileder fra UH.", team.Name) : L.T("Endringene er lagret.");
        return RedirectToPage("/Teams/Details", new { id = team.Id });
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
