using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;
using Stillas.Web.Platform.Web;

namespace Stillas.Web.Features.People;

/// <summary>The people the user may see (the access filter decides), searchable and filtered by owner, role, school and status.</summary>
public sealed class IndexModel(StillasDb db, CurrentScope current) : PageModel
{
    public const int PageSize = 25;
    public sealed record RoleCell(Role Role, string? School);
    public sealed record Row(int Id, string Name, string Email, string? Title, string? Owner, bool Active, List<RoleCell> Roles);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? Owner { get; set; }
    [BindProperty(SupportsGet = true)] public Role? Role { get; set; }
    [BindProperty(SupportsGet = true)] public int? School { get; set; }
    /// <summary>active (default), inactive or all.</summary>
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public List<SelectListItem> OwnerOptions { get; private set; } = [];
    public List<SelectListItem> SchoolOptions { get; private set; } = [];
    public bool CanInvite => current.Scope.Can(Permission.ManagePeople);
    /// <summary>
    /// What an empty role cell says. Only the system administrator sees every membership; anyone else sees those the
    /// access filter lets through (a guide from UH sees none at the schools), so "Ingen roller" would be wrong for them.
    /// </summary>
    public string NoRolesText => current.Scope.IsSystem ? L.T("Ingen roller") : L.T("Ingen roller du kan se.");
    public bool Filtered => !string.IsNullOrEmpty(Q) || Owner is not null || Role is not null || School is not null || Status is "inactive";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!current.Scope.Can(Permission.ViewPeople)) return Forbid();
        var q = Q?.Trim().ToLower();
        var (byOwner, role, school, status) = (Owner, Role, School, Status);
        var query = (await db.VisiblePeopleAsync(ct, query =>
        {
            if (!string.IsNullOrEmpty(q)) query = query.Where(p => p.Name.ToLower().Contains(q) || p.Email.ToLower().Contains(q));
            if (byOwner is int owner) query = query.Where(p => p.OwnerId == owner || p.Memberships.Any(m => m.Active && m.OwnerId == owner));
            if (role is not null || school is not null)
                query = query.Where(p => p.Memberships.Any(m => m.Active && (role == null || m.Role == role) && (school == null || m.SchoolId == school)));
            return status switch { "inactive" => query.Where(p => !p.Active), "all" => query, _ => query.Where(p => p.Active) };
        })).AsNoTracking();

        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        // The page's ids from the ordered union first (EF Core cannot project a nested list from a UNION ALL),
        // then their rows, then their roles by Memberships(PersonId, …): joined in one query, SQLite
        // materialised every membership the filter lets through (≈ 100 ms for a large kommune's administrator).
        // Id and Name both projected: with Id alone SQLite does not flatten the union and sorts it all (6 ms).
        var ids = (await query.OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).Select(p => new { p.Id, p.Name }).ToListAsync(ct)).ConvertAll(p => p.Id);
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, p.Email, p.Title, Owner = p.Owner == null ? null : p.Owner.Name, p.Active })
            .ToDictionaryAsync(p => p.Id, ct);
        var roles = (await db.Memberships.AsNoTracking().Where(m => ids.Contains(m.PersonId) && m.Active)
                .OrderBy(m => m.Role).ThenBy(m => m.Id)
                .Select(m => new { m.PersonId, Cell = new RoleCell(m.Role, m.School == null ? null : m.School.Name) }).ToListAsync(ct))
            .ToLookup(m => m.PersonId, m => m.Cell);
        Rows = [.. ids.Where(people.ContainsKey).Select(id => people[id])
            .Select(p => new Row(p.Id, p.Name, p.Email, p.Title, p.Owner, p.Active, [.. roles[p.Id]]))];
        OwnerOptions = await db.Owners.AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToListAsync(ct);
        var ownerFilter = Owner;
        SchoolOptions = await db.Schools.AsNoTracking().Where(s => ownerFilter == null || s.OwnerId == ownerFilter)
            .OrderBy(s => s.Name).ThenBy(s => s.Id).Take(PeopleOptions.MaxSchools)
            .Select(s => new SelectListItem(s.Name, s.Id.ToString())).ToListAsync(ct);
        return Page();
    }

    public string PageUrl(int page) => Url.Page("/People/Index", new { q = Q, owner = Owner, role = Role, school = School, status = Status, p = page })!;

    public static string RoleText(RoleCell r) => r.School is null ? Roles.Name(r.Role) : $"{Roles.Name(r.Role)}, {r.School}";
}
