using Stillas.Web.Platform.Calendar;

namespace Stillas.Web.Features.Programmes;

/// <summary>Where a step of a running programme stands.</summary>
public enum StepStatus
{
    Planned,
    Done,
    /// <summary>Given a new date; still to be done.</summary>
    Moved,
    Cancelled,
}

/// <summary>A dated step of a progress plan (fremdriftsplan).</summary>
public sealed record PlannedStep(
    string Key,
    string Title,
    string PhaseKey,
    string PhaseName,
    StepKind Kind,
    StepResponsible Responsible,
    DateOnly Date,
    DateOnly EndDate,
    int? Hours,
    int? SessionNumber)
{
    public DateRange Days => new(Date, EndDate);
}

/// <summary>A programme's dated steps, generated from a model version and a start date.</summary>
public sealed record ProgressPlan(TemplateReference Template, DateOnly Start, IReadOnlyList<PlannedStep> Steps)
{
    public PlannedStep Step(string key) =>
        Steps.FirstOrDefault(s => s.Key == key) ?? throw new KeyNotFoundException($"No step '{key}' in the plan.");

    public IReadOnlyList<PlannedStep> Sessions => [.. Steps.Where(s => s.Kind == StepKind.Session)];

    /// <summary>The half-years that hold sessions, in order.</summary>
    public IReadOnlyList<HalfYear> GuidanceHalfYears =>
        [.. Sessions.Select(s => HalfYear.OnOrAfter(s.Date)).Distinct().OrderBy(h => h.Ordinal)];

    /// <summary>The steps as a running programme first records them: all planned, on their planned dates.</summary>
    public IReadOnlyList<TrackedStep> Track() => [.. Steps.Select(s => new TrackedStep(s.Key, s.Date, s.EndDate, StepStatus.Planned))];
}

/// <summary>A step of a running programme as it stands now: its current date (moved or not) and status.</summary>
public sealed record TrackedStep(string Key, DateOnly Date, DateOnly EndDate, StepStatus Status);

/// <summary>
/// Turns a model and a start date into a dated progress plan, and tells which steps are overdue.
///
/// Every step lands on a school day (<see cref="NorwegianCalendar.IsSchoolDay"/>): a date that falls on a
/// weekend, a public holiday or one of the owner's school holidays moves forward to the next school day.
/// A step of several days takes that many calendar days in a row that are all school days.
///
/// Sessions follow a grid of slots: with n sessions per half-year, slot k of a half-year is the school
/// day k/(n+1) of the way through the half-year's school days (with two: about 1/3 and 2/3). The first
/// session opens the first half-year whose first slot is late enough, so every half-year of guidance
/// gets its full number of sessions (seed 000 § 1.3: "to ganger i halvåret"); each later session takes
/// the next slot that is late enough.
/// </summary>
public static class ProgressPlanner
{
    /// <param name="template">The model, at the version the programme uses.</param>
    /// <param name="start">The start of Fase 1 (normally March, after the agreement in February, or August).</param>
    /// <param name="ownerHolidays">The owner's school holidays for the school years the programme spans.</param>
    public static ProgressPlan Plan(ProgrammeTemplate template, DateOnly start, IEnumerable<DateRange> ownerHolidays)
    {
        var problems = template.Problems();
        if (problems.Count > 0) throw new ArgumentException(problems[0], nameof(template));

        var holidays = ownerHolidays.ToArray();
        var slots = new SessionSlots(template.Cadence.SessionsPerHalfYear, holidays);
        var firstDay = NorwegianCalendar.SchoolDayOnOrAfter(start, holidays);

        // seed 000 § 3: the schools for the coming school year are settled by the end of February of the
        // spring half-year, so a Fase 1 that starts in January or February belongs to the previous year's Forfase.
        var forfaseYear = start.Month >= 3 ? start.Year : start.Year - 1;

        var phases = template.Phases.ToDictionary(p => p.Key);
        var planned = new List<PlannedStep>(template.Steps.Count);
        DateOnly? previousEnd = null;
        DateOnly? lastSession = null;
        var sessionNumber = 0;

        foreach (var step in template.Steps)
        {
            var rule = step.Offset;
            var after = previousEnd ?? firstDay;
            var earliest = rule.Anchor switch
            {
                OffsetAnchor.Start => Forward(firstDay, rule.SchoolWeeks, rule.SchoolDays, holidays),
                OffsetAnchor.PreviousStep => Forward(after, rule.SchoolWeeks, rule.SchoolDays, holidays),
                OffsetAnchor.MonthBeforeStart => InMonth(forfaseYear, rule.Month, rule.Position, holidays),
                // Seed 000 § 3.2, Fase 6: "ett år etter siste veiledning".
                OffsetAnchor.LastSession => Forward((lastSession ?? after).AddYears(rule.Years), rule.SchoolWeeks, 0, holidays),
                OffsetAnchor.SessionSlot => slots.Take(
                    rule.SchoolWeeks > 0 ? NorwegianCalendar.AddSchoolWeeks(after, rule.SchoolWeeks, holidays) : NorwegianCalendar.NextSchoolDay(after, holidays)),
                _ => throw new InvalidOperationException($"Unknown anchor {rule.Anchor}."),
            };

            var date = FirstRunOfSchoolDays(earliest, step.Days, holidays);
            var end = date.AddDays(step.Days - 1);
            int? number = null;
            if (step.Kind == StepKind.Session)
            {
                number = ++sessionNumber;
                lastSession = end;
            }
            planned.Add(new PlannedStep(step.Key, step.Title, step.PhaseKey, phases[step.PhaseKey].Name, step.Kind, step.Responsible, date, end, step.Hours, number));
            previousEnd = end;
        }
        return new ProgressPlan(template.Reference, start, planned);
    }

    /// <summary>
    /// The date the planner gives a step anchored on the last session (the follow-up meeting, seed 000 § 3.2
    /// Fase 6: "ett år etter siste veiledning") when the last session ends on <paramref name="lastSession"/>.
    /// </summary>
    public static DateOnly AfterLastSession(TemplateStep step, DateOnly lastSession, IEnumerable<DateRange> ownerHolidays)
    {
        var holidays = ownerHolidays.ToArray();
        var earliest = Forward(lastSession.AddYears(step.Offset.Years), step.Offset.SchoolWeeks, 0, holidays);
        return FirstRunOfSchoolDays(earliest, step.Days, holidays);
    }

    /// <summary>Overdue: still to be done (planned, or moved to a new date) and its last day is before today.</summary>
    public static bool IsOverdue(TrackedStep step, DateOnly today) =>
        (step.Status is StepStatus.Planned or StepStatus.Moved) && step.EndDate < today;

    /// <summary>The overdue steps, oldest first.</summary>
    public static IReadOnlyList<TrackedStep> Overdue(IEnumerable<TrackedStep> steps, DateOnly today) =>
        [.. steps.Where(s => IsOverdue(s, today)).OrderBy(s => s.Date)];

    private static DateOnly Forward(DateOnly from, int schoolWeeks, int schoolDays, DateRange[] holidays) =>
        NorwegianCalendar.AddSchoolDays(NorwegianCalendar.AddSchoolWeeks(from, schoolWeeks, holidays), schoolDays, holidays);

    private static DateOnly InMonth(int year, int month, MonthPosition position, DateRange[] holidays) => position switch
    {
        MonthPosition.First => NorwegianCalendar.SchoolDayOnOrAfter(new DateOnly(year, month, 1), holidays),
        MonthPosition.Middle => NorwegianCalendar.SchoolDayOnOrAfter(new DateOnly(year, month, 15), holidays),
        // A deadline moves back, not forward: "by the end of February" must stay in February.
        _ => NorwegianCalendar.SchoolDayOnOrBefore(new DateOnly(year, month, DateTime.DaysInMonth(year, month)), holidays),
    };

    /// <summary>The first date from <paramref name="from"/> that starts <paramref name="days"/> calendar days in a row that are all school days.</summary>
    private static DateOnly FirstRunOfSchoolDays(DateOnly from, int days, DateRange[] holidays)
    {
        var date = NorwegianCalendar.SchoolDayOnOrAfter(from, holidays);
        while (!NorwegianCalendar.AllSchoolDays(new DateRange(date, date.AddDays(days - 1)), holidays))
            date = NorwegianCalendar.NextSchoolDay(date, holidays);
        return date;
    }

    /// <summary>The grid of session slots, consumed in order.</summary>
    private sealed class SessionSlots(int perHalfYear, DateRange[] holidays)
    {
        // Far beyond any programme; only reached when holidays leave no room at all.
        private const int HalfYearsToSearch = 40;
        private readonly Dictionary<HalfYear, IReadOnlyList<DateOnly>?> grid = [];
        private (HalfYear HalfYear, int Slot)? last;

        public DateOnly Take(DateOnly earliest)
        {
            var (halfYear, slot) = last is { } l
                ? (l.Slot < perHalfYear ? (l.HalfYear, l.Slot + 1) : (l.HalfYear.Next, 1))
                : (HalfYear.OnOrAfter(earliest), 1);
            for (var searched = 0; searched < HalfYearsToSearch * perHalfYear; searched++)
            {
                var dates = Slots(halfYear);
                if (dates is not null && dates[slot - 1] >= earliest)
                {
                    last = (halfYear, slot);
                    return dates[slot - 1];
                }
                // The first session only opens a half-year, at its first slot.
                if (last is null || dates is null || slot == perHalfYear) (halfYear, slot) = (halfYear.Next, 1);
                else slot++;
            }
            throw new InvalidOperationException($"No session slot from {earliest:O}: the school holidays leave no school days.");
        }

        private IReadOnlyList<DateOnly>? Slots(HalfYear halfYear)
        {
            if (grid.TryGetValue(halfYear, out var cached)) return cached;
            var schoolDays = NorwegianCalendar.SchoolDays(halfYear.Range, holidays);
            // Fewer school days than slots + 1 would give two sessions one day: such a half-year is skipped.
            IReadOnlyList<DateOnly>? slots = schoolDays.Count < perHalfYear + 1
                ? null
                : [.. Enumerable.Range(1, perHalfYear).Select(k => schoolDays[schoolDays.Count * k / (perHalfYear + 1)])];
            grid[halfYear] = slots;
            return slots;
        }
    }
}
