using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Calendar;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Web;

namespace Stillas.Web.Features.Programmes;

/// <summary>A model a programme can start from: a built-in one or one of the owner's own.</summary>
public sealed record ModelOption(string Value, string Label, int? OwnerId);

/// <summary>
/// What the pages, the API and the demo data share about programmes: which model a choice means, the
/// owner's holidays for the planner, turning a plan into stored steps, and the summary of a programme
/// (phase now, next step, overdue) as one SQL projection.
/// </summary>
public static class ProgrammePlanning
{
    /// <summary>The value that chooses a built-in model: "tromso:1".</summary>
    public static string BuiltInValue(ProgrammeTemplate t) => $"{t.Key}:{t.Version}";

    /// <summary>The value that chooses an owner's model: "model:7".</summary>
    public static string OwnModelValue(int modelId) => $"model:{modelId}";

    /// <summary>Today in Norway, from the injected clock.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(NorwegianTime.ToOslo(clock.GetUtcNow()).DateTime);

    /// <summary>The built-in models and the owners' own models the user can see, for a picker.</summary>
    public static async Task<List<ModelOption>> ModelOptionsAsync(StillasDb db, IEnumerable<int> ownerIds, CancellationToken ct)
    {
        var owners = ownerIds.ToArray();
        var options = ProgrammeTemplates.BuiltIn.Select(t => new ModelOption(BuiltInValue(t), $"{t.Name}, versjon {t.Version} (innebygd)", null)).ToList();
        var own = await db.ProgrammeModels.AsNoTracking().Where(m => owners.Contains(m.OwnerId)).OrderBy(m => m.Name)
            .Select(m => new { m.Id, m.Name, m.Version, m.OwnerId, Owner = m.Owner!.Name }).ToListAsync(ct);
        options.AddRange(own.Select(m => new ModelOption(OwnModelValue(m.Id), owners.Length > 1 ? $"{m.Name}, versjon {m.Version} ({m.Owner})" : $"{m.Name}, versjon {m.Version}", m.OwnerId)));
        return options;
    }

    /// <summary>The model a choice stands for, or null when there is none the user may use for <paramref name="ownerId"/>.</summary>
    public static async Task<ProgrammeTemplate?> ResolveAsync(StillasDb db, string? choice, int ownerId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(choice)) return null;
        if (choice.StartsWith("model:", StringComparison.Ordinal))
        {
            if (!int.TryParse(choice.AsSpan(6), System.Globalization.CultureInfo.InvariantCulture, out var id)) return null;
            var json = await db.ProgrammeModels.AsNoTracking().Where(m => m.Id == id && m.OwnerId == ownerId).Select(m => m.Json).SingleOrDefaultAsync(ct);
            return json is null ? null : ProgrammeModelJson.Read(json);
        }
        var parts = choice.Split(':');
        return parts.Length == 2 && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? ProgrammeTemplates.Find(parts[0], version)
            : null;
    }

    /// <summary>The owner's school holidays (every school year entered) and the school years they cover.</summary>
    public static async Task<OwnerHolidays> HolidaysAsync(StillasDb db, int ownerId, CancellationToken ct)
    {
        var rows = await db.SchoolHolidays.AsNoTracking().Where(h => h.OwnerId == ownerId)
            .Select(h => new { h.SchoolYear, h.Start, h.End }).ToListAsync(ct);
        return new OwnerHolidays(
            [.. rows.Select(r => new DateRange(r.Start, r.End))],
            [.. rows.Select(r => r.SchoolYear).Distinct()]);
    }

    /// <summary>A new programme with its dated steps, all planned.</summary>
    public static GuidanceProgramme Create(int ownerId, int schoolId, int teamId, ProgrammeTemplate template, ProgressPlan plan)
    {
        var programme = new GuidanceProgramme
        {
            OwnerId = ownerId,
            SchoolId = schoolId,
            TeamId = teamId,
            SchoolYear = SchoolYear.Of(plan.Start).ToString(),
            TemplateKey = template.Key,
            TemplateVersion = template.Version,
            TemplateName = template.Name,
            TemplateJson = ProgrammeModelJson.Write(template),
            StartDate = plan.Start,
            Status = ProgrammeStatus.Active,
        };
        var order = 0;
        foreach (var s in plan.Steps)
        {
            programme.Steps.Add(new PlanStep
            {
                OwnerId = ownerId,
                SchoolId = schoolId,
                TeamId = teamId,
                Key = s.Key,
                Title = s.Title,
                PhaseKey = s.PhaseKey,
                PhaseName = s.PhaseName,
                Kind = s.Kind,
                Responsible = s.Responsible,
                Date = s.Date,
                EndDate = s.EndDate == s.Date ? null : s.EndDate,
                OriginalDate = s.Date,
                Status = StepStatus.Planned,
                SessionNumber = s.SessionNumber,
                Hours = s.Hours,
                Order = ++order,
            });
        }
        return programme;
    }

    /// <summary>The school years a plan reaches for which the owner has entered no school holidays.</summary>
    public static IReadOnlyList<string> YearsWithoutHolidays(ProgressPlan plan, OwnerHolidays holidays)
    {
        if (plan.Steps.Count == 0) return [];
        var first = SchoolYear.Of(plan.Steps.Min(s => s.Date));
        var last = SchoolYear.Of(plan.Steps.Max(s => s.EndDate));
        var missing = new List<string>();
        for (var y = first; y.StartYear <= last.StartYear; y = y.Next)
            if (!holidays.SchoolYears.Contains(y.ToString())) missing.Add(y.ToString());
        return missing;
    }

    /// <summary>
    /// A programme's summary in one query: the phase it is in now (the phase of the first step, in the
    /// model's order, whose last day has not passed: the phase the school is working towards; the last
    /// phase when every step has passed), the next step still to do, and
    /// how many steps are overdue (only while the programme is active).
    /// </summary>
    public static IQueryable<ProgrammeSummary> Summaries(this IQueryable<GuidanceProgramme> programmes, StillasDb db, DateOnly today) =>
        programmes.Select(p => new ProgrammeSummary
        {
            Id = p.Id,
            OwnerId = p.OwnerId,
            SchoolId = p.SchoolId,
            School = p.School!.Name,
            TeamId = p.TeamId,
            // A school's people may see the programme without seeing the team: a subquery, not a join that would drop the row.
            Team = db.Teams.Where(t => t.Id == p.TeamId).Select(t => t.Name).FirstOrDefault(),
            SchoolYear = p.SchoolYear,
            TemplateName = p.TemplateName,
            TemplateVersion = p.TemplateVersion,
            StartDate = p.StartDate,
            Status = p.Status,
            // One ordering serves "the first step not yet passed, else the last step": upcoming steps first
            // in model order, then passed ones from the last. One subquery per column, not two.
            PhaseOrder = p.Steps.OrderBy(s => s.Status != StepStatus.Cancelled && (s.EndDate ?? s.Date) >= today ? 0 : 1)
                .ThenBy(s => s.Status != StepStatus.Cancelled && (s.EndDate ?? s.Date) >= today ? s.Order : -s.Order)
                .Select(s => (int?)s.Order).FirstOrDefault() ?? 0,
            PhaseKey = p.Steps.OrderBy(s => s.Status != StepStatus.Cancelled && (s.EndDate ?? s.Date) >= today ? 0 : 1)
                .ThenBy(s => s.Status != StepStatus.Cancelled && (s.EndDate ?? s.Date) >= today ? s.Order : -s.Order)
                .Select(s => s.PhaseKey).FirstOrDefault(),
            PhaseName = p.Steps.OrderBy(s => s.Status != StepStatus.Cancelled && (s.EndDate ?? s.Date) >= today ? 0 : 1)
                .ThenBy(s => s.Status != StepStatus.Cancelled && (s.EndDate ?? s.Date) >= today ? s.Order : -s.Order)
                .Select(s => s.PhaseName).FirstOrDefault(),
            NextTitle = p.Steps.Where(s => (s.Status == StepStatus.Planned || s.Status == StepStatus.Moved) && (s.EndDate ?? s.Date) >= today)
                .OrderBy(s => s.Date).ThenBy(s => s.Order).Select(s => s.Title).FirstOrDefault(),
            NextDate = p.Steps.Where(s => (s.Status == StepStatus.Planned || s.Status == StepStatus.Moved) && (s.EndDate ?? s.Date) >= today)
                .OrderBy(s => s.Date).ThenBy(s => s.Order).Select(s => (DateOnly?)s.Date).FirstOrDefault(),
            Overdue = p.Status == ProgrammeStatus.Active
                ? p.Steps.Count(s => (s.Status == StepStatus.Planned || s.Status == StepStatus.Moved) && (s.EndDate ?? s.Date) < today)
                : 0,
        });

    /// <summary>Overdue: still to do (planned or moved) and its last day has passed (<see cref="ProgressPlanner.IsOverdue"/>).</summary>
    public static bool IsOverdue(StepStatus status, DateOnly date, DateOnly? endDate, DateOnly today) =>
        ProgressPlanner.IsOverdue(new TrackedStep("", date, endDate ?? date, status), today);

    /// <summary>"05.10.2026" or "05.10.2026–07.10.2026".</summary>
    public static string Dates(DateOnly date, DateOnly? endDate) =>
        endDate is { } end && end != date ? $"{NorwegianTime.Date(date)}–{NorwegianTime.Date(end)}" : NorwegianTime.Date(date);

    /// <summary>Designsystemet colour of a step's status tag.</summary>
    public static string StatusColor(StepStatus status) => status switch
    {
        StepStatus.Done => "success",
        StepStatus.Moved => "warning",
        StepStatus.Cancelled => "neutral",
        _ => "info",
    };

    public static string StatusColor(ProgrammeStatus status) => status switch
    {
        ProgrammeStatus.Active => "success",
        ProgrammeStatus.Paused => "warning",
        _ => "neutral",
    };
}

/// <summary>A step as start pages list it.</summary>
public sealed record StepLine(int Id, int ProgrammeId, string Title, DateOnly Date, DateOnly? EndDate, StepResponsible Responsible, string? ResponsibleNote);

/// <summary>A programme's card on a start page: its summary and, for its team, the steps that are overdue.</summary>
public sealed record ProgrammeCard(ProgrammeSummary Programme, IReadOnlyList<StepLine> Overdue, DateOnly Today);

/// <summary>The owner's entered school holidays, as the planner reads them.</summary>
public sealed record OwnerHolidays(DateRange[] Ranges, HashSet<string> SchoolYears);

/// <summary>One programme as lists and start pages show it (<see cref="ProgrammePlanning.Summaries"/>).</summary>
public sealed class ProgrammeSummary
{
    public int Id { get; init; }
    public int OwnerId { get; init; }
    public int SchoolId { get; init; }
    public string School { get; init; } = "";
    public int TeamId { get; init; }
    public string? Team { get; init; }
    public string SchoolYear { get; init; } = "";
    public string TemplateName { get; init; } = "";
    public int TemplateVersion { get; init; }
    public DateOnly StartDate { get; init; }
    public ProgrammeStatus Status { get; init; }
    public int PhaseOrder { get; init; }
    public string? PhaseKey { get; init; }
    public string? PhaseName { get; init; }
    public string? NextTitle { get; init; }
    public DateOnly? NextDate { get; init; }
    public int Overdue { get; init; }
}
