using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Web;
using Stillas.Web.Platform.Text;

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
    /// <summary>The sort key (name, id) of the last row on the previous page: the page after it.</summary>
    [BindProperty(SupportsGet = true)] public string? After { get; set; }
    [BindProperty(SupportsGet = true)] public int? AfterId { get; set; }
    /// <summary>The sort key of the first row on the next page: the page before it.</summary>
    [BindProperty(SupportsGet = true)] public string? Before { get; set; }
    [BindProperty(SupportsGet = true)] public int? BeforeId { get; set; }

    /// <summary>The list counts no further (a national administrator sees 3,100 schools): "over 1 000 skoler".</summary>
    public const int MaxCount = 1000;
    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public bool TotalCapped { get; private set; }
    public int? Pages => TotalCapped ? null : Math.Max(1, (Total + PageSize - 1) / PageSize);
    public string? PreviousUrl { get; private set; }
    public string? NextUrl { get; private set; }
    public List<SelectListItem> OwnerOptions { get; private set; } = [];
    public bool CanCreate => current.Scope.Can(Permission.ManageSchools);

    public static string CountText(int total, bool capped) => capped
        ? L.T("Over {0} skoler", MaxCount.ToString("N0"))
        : total == 1 ? L.T("1 skole") : L.T("{0} skoler", total);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.VisibleSchools().AsNoTracking();
        var q = Q?.Trim();
        if (!string.IsNullOrEmpty(q))
        {
            var digits = OrganisationNumber.Normalise(q);
            query = query.Where(s => s.Name.ToLower().Contains(q.ToLower()) || s.OrganisationNumber == digits);
        }
        if (Owner is int owner) query = query.Where(s => s.OwnerId == owner);
        if (Level is SchoolLevel level) query = query.Where(s => s.Level == level);
        query = Status switch { "inactive" => query.Where(s => !s.Active), "all" => query, _ => query.Where(s => s.Active) };

        (Total, TotalCapped) = await query.CountCappedAsync(MaxCount, ct);
        // Page by key (name, id): a deep page costs what the first does. Without a key (the first page, or an old
        // "?p=" link) the page number is used with OFFSET, clamped to the pages counted.
        List<Row> rows;
        bool more;
        if (After is string afterName && AfterId is int afterId)
        {
            rows = await Project(query.Where(s => string.Compare(s.Name, afterName) > 0 || (s.Name == afterName && s.Id > afterId))
                .OrderBy(s => s.Name).ThenBy(s => s.Id).Take(PageSize + 1)).ToListAsync(ct);
            more = rows.Count > PageSize;
            PageNumber = Math.Max(2, PageNumber);
            Rows = rows.Take(PageSize).ToList();
            SetLinks(hasPrevious: true, hasNext: more);
        }
        else if (Before is string beforeName && BeforeId is int beforeId)
        {
            rows = await Project(query.Where(s => string.Compare(s.Name, beforeName) < 0 || (s.Name == beforeName && s.Id < beforeId))
                .OrderByDescending(s => s.Name).ThenByDescending(s => s.Id).Take(PageSize + 1)).ToListAsync(ct);
            more = rows.Count > PageSize;
            Rows = rows.Take(PageSize).Reverse().ToList();
            if (!more) PageNumber = 1;
            else PageNumber = Math.Max(2, PageNumber);
            SetLinks(hasPrevious: more, hasNext: true);
        }
        else
        {
            PageNumber = Math.Max(1, Pages is int n ? Math.Min(PageNumber, n) : PageNumber);
            rows = await Project(query.OrderBy(s => s.Name).ThenBy(s => s.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize + 1)).ToListAsync(ct);
            more = rows.Count > PageSize;
            Rows = rows.Take(PageSize).ToList();
            SetLinks(hasPrevious: PageNumber > 1, hasNext: more);
        }
        OwnerOptions = await db.Owners.AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToListAsync(ct);
    }

    private static IQueryable<Row> Project(IQueryable<School> query) =>
        query.Select(s => new Row(s.Id, s.Name, s.Owner!.Name, s.Level, s.FirstGrade, s.LastGrade, s.Pupils, s.Active));

    private void SetLinks(bool hasPrevious, bool hasNext)
    {
        if (Rows.Count == 0) return;
        if (hasPrevious) PreviousUrl = KeyUrl(PageNumber - 1, before: Rows[0]);
        if (hasNext) NextUrl = KeyUrl(PageNumber + 1, after: Rows[^1]);
    }

    private string KeyUrl(int page, Row? after = null, Row? before = null) => page <= 1 ? PageUrl(1) : Url.Page("/Schools/Index", new
    {
        q = Q, owner = Owner, level = Level, status = Status, p = page,
        after = after?.Name, afterId = after?.Id, before = before?.Name, beforeId = before?.Id,
    })!;

    public string PageUrl(int page) => Url.Page("/Schools/Index", new { q = Q, owner = Owner, level = Level, status = Status, p = page })!;
}
