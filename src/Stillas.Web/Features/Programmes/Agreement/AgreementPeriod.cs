using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Models;
using Stillas.Web.Platform.Calendar;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;
using Stillas.Web.Platform.Web;

namespace Stillas.Web.Features.Programmes.Agreement;

/// <summary>
/// Whether an agreement's period covers the programme's plan from Fase 1 on (sessions 5–8 and the follow-up
/// meeting included), and the default period that does. The plan is the stored steps, or, while the dated plan
/// waits for the approved agreement, the plan the programme's model gives from its start date.
/// </summary>
public static class AgreementPeriod
{
    /// <summary>A planned step and its days.</summary>
    public sealed record PlanDay(string Title, DateOnly Date, DateOnly LastDay)
    {
        public string Text => Date == LastDay
            ? $"{L.Data(Title)} ({NorwegianTime.Date(Date)})"
            : $"{L.Data(Title)} ({NorwegianTime.Date(Date)}–{NorwegianTime.Date(LastDay)})";
    }

    /// <summary>The steps of a period's check that fall outside it: before its start, after its end.</summary>
    public sealed record Gap(DateOnly From, DateOnly To, IReadOnlyList<PlanDay> Before, IReadOnlyList<PlanDay> After)
    {
        public bool Any => Before.Count > 0 || After.Count > 0;

        public string Text
        {
            get
            {
                var parts = new List<string>();
                if (Before.Count > 0) parts.Add(L.T("Før perioden starter: {0}.", string.Join(", ", Before.Select(s => s.Text))));
                if (After.Count > 0) parts.Add(L.T("Etter at perioden slutter: {0}.", string.Join(", ", After.Select(s => s.Text))));
                return L.T("Avtaleperioden {0} dekker ikke hele fremdriftsplanen.", AgreementRules.PeriodText(From, To)) + " " + string.Join(" ", parts);
            }
        }
    }

    /// <summary>The steps outside the period (cancelled steps are not planned); null-free, in date order.</summary>
    public static Gap Check(IEnumerable<PlanDay> plan, DateOnly from, DateOnly to)
    {
        var steps = plan.OrderBy(s => s.Date).ToList();
        return new Gap(from, to, [.. steps.Where(s => s.Date < from)], [.. steps.Where(s => s.LastDay > to)]);
    }

    /// <summary>The programme's plan from Fase 1 on, as the caller may see it; empty when the programme is not visible.</summary>
    public static async Task<List<PlanDay>> PlanAsync(StillasDb db, int programmeId, CancellationToken ct)
    {
        var p = await db.Programmes.AsNoTracking().Where(x => x.Id == programmeId)
            .Select(x => new { x.TemplateJson, x.StartDate, x.OwnerId }).SingleOrDefaultAsync(ct);
        if (p is null) return [];
        var template = ProgrammeModelJson.Read(p.TemplateJson);
        var pre = ProgrammePlanning.PrePhaseKey(template);
        var stored = await db.PlanSteps.AsNoTracking()
            .Where(s => s.ProgrammeId == programmeId && s.PhaseKey != pre && s.Status != StepStatus.Cancelled)
            .Select(s => new PlanDay(s.Title, s.Date, s.EndDate ?? s.Date)).ToListAsync(ct);
        if (stored.Count > 0) return stored;
        var holidays = await ProgrammePlanning.HolidaysAsync(db, p.OwnerId, ct);
        return Planned(template, p.StartDate, holidays.Ranges, pre);
    }

    private static List<PlanDay> Planned(ProgrammeTemplate template, DateOnly start, IEnumerable<DateRange> holidays, string pre)
    {
        try
        {
            return [.. ProgressPlanner.Plan(template, start, holidays).Steps.Where(s => s.PhaseKey != pre).Select(s => new PlanDay(s.Title, s.Date, s.EndDate))];
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // A model the planner cannot date, or holidays without school days: nothing to compare.
            return [];
        }
    }

    /// <summary>
    /// The period a new agreement suggests: from the programme's start to the end of the school year of the plan's
    /// last step (the follow-up meeting a year after session 8), at least to the end of the second school year
    /// (seed 000 § 1.3). Without the owner's holidays: the school year's end is the same either way.
    /// </summary>
    public static (DateOnly From, DateOnly To) Default(GuidanceProgramme programme)
    {
        var (from, to) = (programme.StartDate, SchoolYear.Of(programme.StartDate).Next.End);
        if (string.IsNullOrEmpty(programme.TemplateJson)) return (from, to);
        var template = ProgrammeModelJson.Read(programme.TemplateJson);
        var plan = Planned(template, programme.StartDate, [], ProgrammePlanning.PrePhaseKey(template));
        if (plan.Count > 0 && SchoolYear.Of(plan.Max(s => s.LastDay)).End is var end && end > to) to = end;
        return (from, to);
    }
}

/// <summary>
/// On the programme's page: a warning when the agreement's period (the version in force, else the draft) leaves planned
/// steps out. <c>plan</c> is the page's own stored plan from Fase 1 on when it has one (saves reading it twice).
/// </summary>
public sealed class AgreementPeriodViewComponent(StillasDb db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int programmeId, IReadOnlyList<AgreementPeriod.PlanDay>? plan)
    {
        var ct = HttpContext.RequestAborted;
        // The version in force, else the newest draft: one query through the agreement.
        var version = await db.AgreementVersions.AsNoTracking()
            .Where(v => v.Agreement!.ProgrammeId == programmeId && (v.Agreement.CurrentVersion == 0 || v.Number == v.Agreement.CurrentVersion))
            .OrderByDescending(v => v.Number).Select(v => new { v.PeriodFrom, v.PeriodTo }).FirstOrDefaultAsync(ct);
        if (version is null) return Content("");
        var gap = AgreementPeriod.Check(plan is { Count: > 0 } ? plan : await AgreementPeriod.PlanAsync(db, programmeId, ct), version.PeriodFrom, version.PeriodTo);
        return gap.Any ? View("~/Features/Programmes/Agreement/_PeriodWarning.cshtml", (programmeId, gap)) : Content("");
    }
}
