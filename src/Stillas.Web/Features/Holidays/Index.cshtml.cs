using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Calendar;
using Stillas.Web.Platform.Data;

namespace Stillas.Web.Features.Holidays;

/// <summary>
/// The owner's school holidays per school year, which the progress planner keeps steps off. The owner
/// administrator adds, edits and deletes periods, or fills a year from a suggestion to check against
/// the kommune's skolerute. Programmes already planned are not moved when holidays change.
/// </summary>
public sealed class IndexModel(StillasDb db, CurrentScope current, TimeProvider clock) : PageModel
{
    public sealed record PeriodRow(int Id, SchoolHolidayKind Kind, string Name, DateOnly Start, DateOnly End);
    public sealed record Suggested(SchoolHoliday Holiday, string? Clash);
    public sealed record StepInHoliday(int Id, int ProgrammeId, string School, string Title, DateOnly Date, DateOnly? EndDate, string Holiday);

    [BindProperty(SupportsGet = true)] public int? Owner { get; set; }
    /// <summary>The school year's start year (2026 for 2026/27).</summary>
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public bool Suggest { get; set; }
    [BindProperty(SupportsGet = true)] public int AutumnWeek { get; set; } = 40;
    [BindProperty(SupportsGet = true)] public int WinterWeek { get; set; } = 9;

    public SchoolYear SchoolYear { get; private set; }
    public string? OwnerName { get; private set; }
    public List<SelectListItem> OwnerOptions { get; private set; } = [];
    public List<PeriodRow> Periods { get; private set; } = [];
    public List<Suggested> Suggestions { get; private set; } = [];
    public List<StepInHoliday> StepsInHolidays { get; private set; } = [];
    public List<string> YearsEntered { get; private set; } = [];
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Suggest && Owner is not null && CanManage)
        {
            if (AutumnWeek is < 36 or > 46) ModelState.AddModelError(nameof(AutumnWeek), Platform.Text.L.T("Høstferien må være i en uke fra 36 til 46."));
            if (WinterWeek is < 5 or > 11) ModelState.AddModelError(nameof(WinterWeek), Platform.Text.L.T("Vinterferien må være i en uke fra 5 til 11."));
            if (ModelState.IsValid) Suggestions = SuggestionsFor();
        }
        return Page();
    }

    /// <summary>Adds the suggested periods that do not overlap a period already entered.</summary>
    public async Task<IActionResult> OnPostAcceptSuggestionAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Owner is not int ownerId || !CanManage) return Forbid();
        if (AutumnWeek is < 36 or > 46 || WinterWeek is < 5 or > 11) return BadRequest();
        var added = 0;
        foreach (var s in SuggestionsFor().Where(s => s.Clash is null))
        {
            db.SchoolHolidays.Add(new SchoolHolidayPeriod
            {
                OwnerId = ownerId, SchoolYear = SchoolYear.ToString(), Kind = s.Holiday.Kind, Name = s.Holiday.Name,
                Start = s.Holiday.Range.Start, End = s.Holiday.Range.End,
            });
            added++;
        }
        await db.SaveChangesAsync(ct);
        TempData["Message"] = added == 0 ? Platform.Text.L.T("Ingen ferier ble lagt til: alle forslagene overlapper ferier som allerede er lagt inn.") : Platform.Text.L.T("{0} ferier er lagt inn for {1}. Kontroller datoene mot skoleruten.", added, SchoolYear);
        return RedirectToPage(new { owner = ownerId, year = SchoolYear.StartYear });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var holiday = await db.SchoolHolidays.SingleOrDefaultAsync(h => h.Id == id, ct);
        if (holiday is null) return NotFound();
        if (!current.Scope.Can(Permission.ManageProgrammes, holiday.OwnerId)) return Forbid();
        db.SchoolHolidays.Remove(holiday);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = Platform.Text.L.T("{0} ({1}) er slettet. Forløp som allerede er planlagt, beholder datoene sine.", Platform.Text.L.Data(holiday.Name), holiday.Range);
        var year = SchoolYear.TryParse(holiday.SchoolYear, out var y) ? y.StartYear : (int?)null;
        return RedirectToPage(new { owner = holiday.OwnerId, year });
    }

    private List<Suggested> SuggestionsFor() =>
        [.. SchoolHolidaySuggestion.For(SchoolYear, AutumnWeek, WinterWeek).Select(h =>
            new Suggested(h, Periods.FirstOrDefault(p => new DateRange(p.Start, p.End).Overlaps(h.Range)) is { } clash ? $"{Platform.Text.L.Data(clash.Name)} ({new DateRange(clash.Start, clash.End)})" : null))];

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = ProgrammePlanning.Today(clock);
        SchoolYear = Year is int y and > 1900 and < 9998 ? new SchoolYear(y) : SchoolYear.Of(today);
        Year = SchoolYear.StartYear;
        var owners = await db.Owners.AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        OwnerOptions = [.. owners.Select(o => new SelectListItem(o.Name, o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
        if (Owner is null && owners.Count == 1) Owner = owners[0].Id;
        // Prefer an owner the user administers when they see several.
        if (Owner is null) Owner = owners.Select(o => (int?)o.Id).FirstOrDefault(id => current.Scope.AdminOwnerIds.Contains(id!.Value));
        OwnerName = owners.FirstOrDefault(o => o.Id == Owner)?.Name;
        if (OwnerName is null)
        {
            Owner = null;
            return;
        }
        var ownerId = Owner!.Value;
        CanManage = current.Scope.Can(Permission.ManageProgrammes, ownerId);
        var key = SchoolYear.ToString();
        Periods = await db.SchoolHolidays.AsNoTracking().Where(h => h.OwnerId == ownerId && h.SchoolYear == key).OrderBy(h => h.Start)
            .Select(h => new PeriodRow(h.Id, h.Kind, h.Name, h.Start, h.End)).ToListAsync(ct);
        YearsEntered = await db.SchoolHolidays.AsNoTracking().Where(h => h.OwnerId == ownerId).Select(h => h.SchoolYear).Distinct().OrderBy(s => s).ToListAsync(ct);

        if (Periods.Count > 0)
        {
            // Steps planned before a holiday was entered may now lie in it: list them, never move them silently.
            var (from, to) = (SchoolYear.Start, SchoolYear.End);
            var steps = await db.PlanSteps.AsNoTracking()
                .Where(s => s.OwnerId == ownerId && (s.Status == StepStatus.Planned || s.Status == StepStatus.Moved)
                            && s.Date <= to && (s.EndDate ?? s.Date) >= from && s.Programme!.Status == ProgrammeStatus.Active)
                .OrderBy(s => s.Date).ThenBy(s => s.Id).Take(500)
                .Select(s => new { s.Id, s.ProgrammeId, School = s.Programme!.School!.Name, s.Title, s.Date, s.EndDate }).ToListAsync(ct);
            StepsInHolidays = [.. steps.Select(s => (Step: s, Holiday: Periods.FirstOrDefault(p => new DateRange(p.Start, p.End).Overlaps(new DateRange(s.Date, s.EndDate ?? s.Date)))))
                .Where(x => x.Holiday is not null)
                .Select(x => new StepInHoliday(x.Step.Id, x.Step.ProgrammeId, x.Step.School, x.Step.Title, x.Step.Date, x.Step.EndDate, x.Holiday!.Name))];
        }
    }

    public string YearUrl(int startYear) => Url.Page("/Holidays/Index", new { owner = Owner, year = startYear })!;
}
