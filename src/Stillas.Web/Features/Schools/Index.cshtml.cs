using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Web;

namespace Stillas.Web.Features.Schools;

public sealed class IndexModel(StillasDb db, CurrentScope current) : PageModel
{
    public const int PageSize = 25;
    public sealed record Row(int Id, string Name, string Owner, SchoolLevel Level, int FirstGrade, int LastGrade, int Pupils, bool Active);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? Owner { get; set; }
    [BindProperty(SupportsGet = true)] public SchoolLevel? Level { get; set; }
    /// <summary>active (default), inactive or all.</summary>
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public List<SelectListItem> OwnerOptions { get; private set; } = [];
    public bool CanCreate => current.Scope.Can(Permission.ManageSchools);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.Schools.AsNoTracking();
        var q = Q?.Trim();
        if (!string.IsNullOrEmpty(q))
        {
            var digits = OrganisationNumber.Normalise(q);
            query = query.Where(s => s.Name.ToLower().Contains(q.ToLower()) || s.OrganisationNumber == digits);
        }
        if (Owner is int owner) query = query.Where(s => s.OwnerId == owner);
        if (Level is SchoolLevel level) query = query.Where(s => s.Level == level);
        query = Status switch { "inactive" => query.Where(s => !s.Active), "all" => query, _ => query.Where(s => s.Active) };

        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Rows = await query.OrderBy(s => s.Name).ThenBy(s => s.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(s => new Row(s.Id, s.Name, s.Owner!.Name, s.Level, s.FirstGrade, s.LastGrade, s.Pupils, s.Active))
            .ToListAsync(ct);
        OwnerOptions = await db.Owners.AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToListAsync(ct);
    }

    public string PageUrl(int page) => Url.Page("/Schools/Index", new { q = Q, owner = Owner, level = Level, status = Status, p = page })!;
}
