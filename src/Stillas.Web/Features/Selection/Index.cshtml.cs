using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;

namespace Stillas.Web.Features.Selection;

/// <summary>The selection rounds of the owners in the user's scope, newest school year first.</summary>
public sealed class IndexModel(StillasDb db, CurrentScope current) : PageModel
{
    public const int PageSize = 25;
    public sealed record Row(int Id, string Owner, string SchoolYear, string Title, DateOnly Deadline, RoundStatus Status, int Candidates, int Accepted);

    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool CanCreate => current.Scope.Can(Permission.ManageSelection);
    public bool ManyOwners { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!current.Scope.Can(Permission.FollowUpSelection)) return Forbid();
        var query = db.SelectionRounds.AsNoTracking();
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Rows = await query.OrderByDescending(r => r.SchoolYear).ThenByDescending(r => r.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(r => new Row(r.Id, r.Owner!.Name, r.SchoolYear, r.Title, r.AgreementDeadline, r.Status,
                r.Candidates.Count, r.Candidates.Count(c => c.Decision == CandidateDecision.Accepted)))
            .ToListAsync(ct);
        ManyOwners = Rows.Select(r => r.Owner).Distinct().Count() > 1 || current.Scope.IsSystem;
        return Page();
    }

    public string PageUrl(int page) => Url.Page("/Selection/Index", new { p = page })!;
}
