using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Models;
using Stillas.Web.Platform.Calendar;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;
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
        var options = ProgrammeTemplates.BuiltIn.Select(t => new ModelOption(BuiltInValue(t), L.T("{0}, versjon {1} (innebygd)", L.Data(t.Name), t.Version), null)).ToList();
        var own = await db.ProgrammeModels.AsNoTracking().Where(m => owners.Contains(m.OwnerId)).OrderBy(m => m.Name)
            .Select(m => new { m.Id, m.Name, m.Version, m.OwnerId, Owner = m.Owner!.Name }).ToListAsync(ct);
        options.AddRange(own.Select(m => new ModelOption(OwnModelValue(m.Id), owners.Length > 1 ? L.T("{0}, versjon {1} ({2})", m.Name, m.Version, m.Owner) : L.T("{0}, versjon {1}", m.Name, m.Version), m.OwnerId)));
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

    /// <summary>
    /// The phase a programme has before its agreement is approved by both sides: the model's first phase
    /// (Forfase: selection, first talk, agreement). Its steps are made with the programme; the rest of the
    /// plan waits for the approved agreement (<see cref="CompletePlanAsync"/>).
    /// </summary>
    public static string PrePhaseKey(ProgrammeTemplate template) => template.Phases[0].Key;

    /// <summary>A new programme before its agreement: only the steps of the first phase (Forfase), on the plan's dates.</summary>
    public static GuidanceProgramme CreateBeforeAgreement(int ownerId, int schoolId, int teamId, ProgrammeTemplate template, ProgressPlan plan)
    {
        var programme = Create(ownerId, schoolId, teamId, template, plan);
        var pre = PrePhaseKey(template);
        programme.Steps.RemoveAll(s => s.PhaseKey != pre);
        return programme;
    }

    /// <summary>True when the programme's steps are only those of the first phase: the dated plan waits for the agreement.</summary>
    public static bool AwaitsAgreement(string templateJson, IEnumerable<string> stepPhaseKeys)
    {
        var pre = PrePhaseKey(ProgrammeModelJson.Read(templateJson));
        return stepPhaseKeys.All(k => k == pre);
    }

    /// <summary>
    /// Makes the rest of the plan (Fase 1 onward) when the agreement comes into force for the first time:
    /// from the programme's model snapshot and start date, on school days (the owner's holidays as they are
    /// now). Adds the steps to the context, to be saved with the approval in one transaction; the step
    /// "agreement signed" of the first phase is marked done. Does nothing when the programme already has
    /// steps beyond the first phase, so a later version of the agreement never makes the plan again.
    /// Returns the number of steps added.
    /// </summary>
    public static async Task<int> CompletePlanAsync(StillasDb db, int programmeId, DateTimeOffset now, CancellationToken ct)
    {
        var programme = await db.Programmes.Include(p => p.Steps).SingleOrDefaultAsync(p => p.Id == programmeId, ct);
        if (programme is null) return 0;
        var template = ProgrammeModelJson.Read(programme.TemplateJson);
        var pre = PrePhaseKey(template);
        if (programme.Steps.Any(s => s.PhaseKey != pre)) return 0;
        var holidays = await HolidaysAsync(db, programme.OwnerId, ct);
        ProgressPlan plan;
        try
        {
            plan = ProgressPlanner.Plan(template, programme.StartDate, holidays.Ranges);
        }
        catch (InvalidOperationException)
        {
            // The holidays leave no school days: the approval stands; the plan is made by hand.
            return 0;
        }
        var full = Create(programme.OwnerId, programme.SchoolId, programme.TeamId, template, plan);
        var known = programme.Steps.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var added = 0;
        foreach (var step in full.Steps.Where(s => s.PhaseKey != pre && !known.Contains(s.Key)))
        {
            step.CreatedAt = now;
            programme.Steps.Add(step);
            added++;
        }
        foreach (var step in programme.Steps.Where(s => s.Key == AgreementStepKey && s.IsOpen))
        {
            step.Status = StepStatus.Done;
            step.DoneAt = now;
        }
        return added;
    }

    /// <summary>
    /// The last day of a programme: the end of the school year that holds the last step of the plan its
    /// model gives from its start date (the follow-up meeting in the Tromsø model), or of a stored step
    /// that already lies later. No step may be moved after it.
    /// </summary>
    public static async Task<DateOnly> EndAsync(StillasDb db, int programmeId, CancellationToken ct)
    {
        var p = await db.Programmes.AsNoTracking().Where(x => x.Id == programmeId)
            .Select(x => new { x.TemplateJson, x.StartDate, x.OwnerId, Last = x.Steps.Max(s => (DateOnly?)(s.EndDate ?? s.Date)) }).SingleAsync(ct);
        var last = p.Last ?? p.StartDate;
        try
        {
            var holidays = await HolidaysAsync(db, p.OwnerId, ct);
            var plan = ProgressPlanner.Plan(ProgrammeModelJson.Read(p.TemplateJson), p.StartDate, holidays.Ranges);
            if (plan.Steps.Count > 0 && plan.Steps.Max(s => s.EndDate) is var planned && planned > last) last = planned;
        }
        catch (InvalidOperationException)
        {
            // No school days in the holidays: the stored steps decide.
        }
        return SchoolYear.Of(last).End;
    }

    /// <summary>
    /// Keeps the follow-up meeting a year after the last session (seed 000 § 3.2, Fase 6) when a session
    /// step is moved so that the last session moves: a follow-up step still to do that is on the plan's date,
    /// or on the date the model's rule gave for the old last session, follows the new one by the same rule.
    /// A follow-up the team dated by hand (any other date), or one done or cancelled, is left alone. Call after applying the move to the
    /// tracked <paramref name="moved"/> step and before saving; returns the follow-up steps moved.
    /// </summary>
    public static async Task<List<PlanStep>> FollowLastSessionAsync(StillasDb db, PlanStep moved, DateOnly movedFrom, CancellationToken ct)
    {
        if (moved.Kind != StepKind.Session || moved.Date == movedFrom) return [];
        // Tracked: identity resolution hands back `moved` itself, with its new date.
        var steps = await db.PlanSteps.Where(s => s.ProgrammeId == moved.ProgrammeId && (s.Kind == StepKind.Session || s.Kind == StepKind.FollowUp)).ToListAsync(ct);
        var sessions = steps.Where(s => s.Kind == StepKind.Session && s.Status != StepStatus.Cancelled).ToList();
        if (sessions.Count == 0) return [];
        var shift = moved.Date.DayNumber - movedFrom.DayNumber;
        var newLast = sessions.Max(s => s.EndDate ?? s.Date);
        var oldLast = sessions.Max(s => s.Id == moved.Id ? (s.EndDate ?? s.Date).AddDays(-shift) : s.EndDate ?? s.Date);
        if (newLast == oldLast) return [];
        var followUps = steps.Where(s => s.Kind == StepKind.FollowUp && s.IsOpen).ToList();
        if (followUps.Count == 0) return [];
        var templateJson = await db.Programmes.Where(p => p.Id == moved.ProgrammeId).Select(p => p.TemplateJson).SingleAsync(ct);
        var template = ProgrammeModelJson.Read(templateJson);
        var holidays = (await HolidaysAsync(db, moved.OwnerId, ct)).Ranges;
        var changed = new List<PlanStep>();
        foreach (var f in followUps)
        {
            var rule = template.Steps.FirstOrDefault(t => t.Key == f.Key);
            if (rule is null || rule.Offset.Anchor != OffsetAnchor.LastSession) continue;
            // Never moved (still on the plan's date), or where the rule put it for the old last session.
            if (f.Status != StepStatus.Planned && f.Date != ProgressPlanner.AfterLastSession(rule, oldLast, holidays)) continue;
            var date = ProgressPlanner.AfterLastSession(rule, newLast, holidays);
            if (f.EndDate is DateOnly end) f.EndDate = end.AddDays(date.DayNumber - f.Date.DayNumber);
            f.Date = date;
            f.Status = f.Date == f.OriginalDate ? StepStatus.Planned : StepStatus.Moved;
            changed.Add(f);
        }
        return changed;
    }

    /// <summary>The first phase's step "agreement signed" of the Tromsø model.</summary>
    public const string AgreementStepKey = "forfase.agreement";

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
public sealed record StepLine(int Id, int ProgrammeId, string Title, DateOnly Date, DateOnly? EndDate, StepResponsible Responsible, string? ResponsibleNote,
    StepKind Kind = StepKind.Delivery, string Key = "", string PhaseKey = "", string PhaseName = "", int Order = 0)
{
    /// <summary>Where the step's work is (<see cref="StepLinks"/>).</summary>
    public string WorkUrl => StepLinks.WorkUrl(Id, ProgrammeId, Kind, Key, PhaseKey);

    /// <summary>
    /// The step's phase when it lies before the phase the programme is in now ("fra Fase 2" beside a late step), else null.
    /// <paramref name="current"/>: the programme's summary (its phase is that of the step at <see cref="ProgrammeSummary.PhaseOrder"/>).
    /// </summary>
    public string? EarlierPhase(ProgrammeSummary? current) =>
        current?.PhaseKey is string now && PhaseKey.Length > 0 && PhaseKey != now && Order < current.PhaseOrder ? PhaseName : null;
}

/// <summary>A programme's card on a start page: its summary and, for its team, the steps that are overdue.</summary>
public sealed record ProgrammeCard(ProgrammeSummary Programme, IReadOnlyList<StepLine> Overdue, DateOnly Today, IReadOnlyList<Platform.Data.ProgrammeTeamNames.Member>? Members = null);

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
    /// <summary>Null when the user does not see the team; pages may fill in its name (<see cref="Platform.Data.ProgrammeTeamNames"/>).</summary>
    public string? Team { get; set; }
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
    /// <summary>The next step's id, kind and key: where "Neste steg" leads (<see cref="StepLinks"/>).</summary>
    public int? NextId { get; init; }
    public StepKind? NextKind { get; init; }
    public string? NextKey { get; init; }
    /// <summary>Where the next step's work is, or null when there is no next step.</summary>
    public string? NextUrl => NextId is int id && NextKind is StepKind kind && NextKey is string key ? StepLinks.WorkUrl(id, Id, kind, key, phaseKey: null) : null;
    public int Overdue { get; init; }
    /// <summary>The day the phase, next step and overdue count were computed for (<see cref="ProgrammeSummaries"/>).</summary>
    public DateOnly? SummaryDate { get; init; }
}
