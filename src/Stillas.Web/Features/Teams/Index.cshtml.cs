using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;

namespace Stillas.Web.Features.Teams;

public sealed class IndexModel(StillasDb db, CurrentScope current, TimeProvider clock) : PageModel
{
    public const int PageSize = 25;
    public sealed record Row(int Id, string Name, string Owner, int Members, int Capacity, bool Active);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? Owner { get; set; }
    /// <summary>active (default), inactive or all.</summary>
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public List<SelectListItem> OwnerOptions { get; private set; } = [];
    public bool CanCreate => current.Scope.Can(Permission.ManageTeams);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.Teams.AsNoTracking();
        var q = Q?.Trim();
        if (!string.IsNullOrEmpty(q)) query = query.Where(t => t.Name.ToLower().Contains(q.ToLower()));
        if (Owner is int owner) query = query.Where(t => t.OwnerId == owner);
        query = Status switch { "inactive" => query.Where(t => !t.Active), "all" => query, _ => query.Where(t => t.Active) };

        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        var today = TeamRules.Today(clock);
        Rows = await query.OrderBy(t => t.Name).ThenBy(t => t.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(t => new Row(t.Id, t.Name, t.Owner!.Name,
                t.Members.Count(m => (m.From == null || m.From <= today) && (m.To == null || m.To >= today)),
                t.CapacityPerSchoolYear, t.Active))
            .ToListAsync(ct);
        OwnerOptions = await db.Owners.AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToListAsync(ct);
    }

    public string PageUrl(int page) => Url.Page("/Teams/Index", new { q = Q, owner = Owner, status = Status, p = page })!;
}
