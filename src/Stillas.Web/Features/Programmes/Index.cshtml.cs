using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Models;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Calendar;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Programmes;

/// <summary>The guidance programmes the user can see, filtered by school year, phase, status and team, grouped by phase.</summary>
public sealed class IndexModel(StillasDb db, CurrentScope current, TimeProvider clock) : PageModel
{
    public const int PageSize = 25;

    /// <summary>The school year a programme starts in (its start year: 2026 for 2026/27).</summary>
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Phase { get; set; }
    /// <summary>current (default: active and paused), active, paused, completed, cancelled or all.</summary>
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public int? Team { get; set; }
    /// <summary>phase (default, grouped), school or start.</summary>
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public List<ProgrammeSummary> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public List<SelectListItem> YearOptions { get; private set; } = [];
    public List<SelectListItem> TeamOptions { get; private set; } = [];
    public List<SelectListItem> PhaseOptions { get; private set; } = [];
    public bool CanCreate => current.Scope.Can(Permission.ManageProgrammes);
    public bool Grouped => Sort is null or "phase";
    public DateOnly Today { get; private set; }
    public bool Filtered => Year is not null || !string.IsNullOrEmpty(Phase) || Team is not null || Status is not (null or "current");

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = ProgrammePlanning.Today(clock);
        var programmes = db.VisibleProgrammes().AsNoTracking();
        if (Year is int year && year is > 1900 and < 9999) { var y = new SchoolYear(year).ToString(); programmes = programmes.Where(p => p.SchoolYear == y); }
        if (Team is int team) programmes = programmes.Where(p => p.TeamId == team);
        programmes = Status switch
        {
            "active" => programmes.Where(p => p.Status == ProgrammeStatus.Active),
            "paused" => programmes.Where(p => p.Status == ProgrammeStatus.Paused),
            "completed" => programmes.Where(p => p.Status == ProgrammeStatus.Completed),
            "cancelled" => programmes.Where(p => p.Status == ProgrammeStatus.Cancelled),
            "all" => programmes,
            _ => programmes.Where(p => p.Status == ProgrammeStatus.Active || p.Status == ProgrammeStatus.Paused),
        };
        // The list filters and sorts by the stored phase (ProgrammeSummaryJob keeps it today's; a saved step at once).
        var query = programmes.Summaries(db);
        if (!string.IsNullOrEmpty(Phase)) query = query.Where(r => r.PhaseKey == Phase);

        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        var ordered = Sort switch
        {
            "school" => query.OrderBy(r => r.School).ThenBy(r => r.Id),
            "start" => query.OrderBy(r => r.StartDate).ThenBy(r => r.School).ThenBy(r => r.Id),
            // The phase a programme is in follows the model's order of its steps.
            _ => query.OrderBy(r => r.PhaseOrder).ThenBy(r => r.School).ThenBy(r => r.Id),
        };
        Rows = await ordered.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);

        var years = await db.VisibleProgrammes().AsNoTracking().Select(p => p.SchoolYear).Distinct().ToListAsync(ct);
        YearOptions = [.. years.Select(y => SchoolYear.TryParse(y, out var sy) ? sy : (SchoolYear?)null).OfType<SchoolYear>()
            .OrderByDescending(y => y.StartYear).Select(y => new SelectListItem(y.ToString(), y.StartYear.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
        TeamOptions = await db.Teams.AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new SelectListItem(t.Name, t.Id.ToString())).ToListAsync(ct);
        var ownModels = await db.ProgrammeModels.AsNoTracking().Select(m => m.Json).ToListAsync(ct);
        PhaseOptions = [.. ProgrammeTemplates.BuiltIn.Concat(ownModels.Select(ProgrammeModelJson.Read))
            .SelectMany(t => t.Phases).DistinctBy(p => p.Key).Select(p => new SelectListItem(L.Data(p.Name), p.Key))];
    }

    public string PageUrl(int page) => Url.Page("/Programmes/Index", new { year = Year, phase = Phase, status = Status, team = Team, sort = Sort, p = page })!;
}
