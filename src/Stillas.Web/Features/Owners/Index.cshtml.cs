using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;

namespace Stillas.Web.Features.Owners;

/// <summary>School owners: all of them for the system administrator, otherwise those the scope makes visible.</summary>
public sealed class IndexModel(StillasDb db, CurrentScope current) : PageModel
{
    public const int PageSize = 25;
    public sealed record Row(int Id, string Name, OwnerKind Kind, string OrganisationNumber, int Schools, bool Active);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public OwnerKind? Kind { get; set; }
    /// <summary>active (default), inactive or all.</summary>
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool CanCreate => current.Scope.Can(Permission.ManageSystem);
    /// <summary>Search and filters only help when there are many owners to choose from.</summary>
    public bool ShowFilters => current.Scope.IsSystem;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.Owners.AsNoTracking();
        var q = Q?.Trim();
        if (!string.IsNullOrEmpty(q))
        {
            var digits = OrganisationNumber.Normalise(q);
            query = query.Where(o => o.Name.ToLower().Contains(q.ToLower()) || o.OrganisationNumber == digits);
        }
        if (Kind is OwnerKind kind) query = query.Where(o => o.Kind == kind);
        query = Status switch { "inactive" => query.Where(o => !o.Active), "all" => query, _ => query.Where(o => o.Active) };

        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Rows = await query.OrderBy(o => o.Name).ThenBy(o => o.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(o => new Row(o.Id, o.Name, o.Kind, o.OrganisationNumber, db.Schools.Count(s => s.OwnerId == o.Id && s.Active), o.Active))
            .ToListAsync(ct);
    }

    public string PageUrl(int page) => Url.Page("/Owners/Index", new { q = Q, kind = Kind, status = Status, p = page })!;
}
