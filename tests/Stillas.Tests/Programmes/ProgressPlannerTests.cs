using System.Globalization;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Calendar;

namespace Stillas.Tests.Programmes;

public class ProgressPlannerTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The suggested school holidays, as if the owner had accepted them, for every year a programme from 2025–2030 can reach.</summary>
    private static readonly IReadOnlyList<DateRange> Holidays = SchoolHolidaySuggestion.Ranges(new SchoolYear(2023), new SchoolYear(2035));

    private static readonly ProgrammeTemplate Tromso = ProgrammeTemplates.TromsoV1;

    private static ProgressPlan March2027() => ProgressPlanner.Plan(Tromso, D("2027-03-01"), Holidays);

    private static Dictionary<HalfYear, int> SessionsPerHalfYear(ProgressPlan plan) =>
        plan.Sessions.GroupBy(s => HalfYear.OnOrAfter(s.Date)).ToDictionary(g => g.Key, g => g.Count());

    [Fact]
    public void No_step_ever_lands_on_a_weekend_a_public_holiday_or_an_owner_holiday()
    {
        var random = new Random(20270301);
        var plans = 0;
        for (var start = D("2025-01-01"); start <= D("2030-12-31"); start = start.AddDays(4))
        {
            // The owner's holidays plus a few planning days of their own, different for every start.
            DateRange[] holidays = [.. Holidays, .. Enumerable.Range(0, 12).Select(_ => DateRange.Day(start.AddDays(random.Next(0, 5 * 365))))];
            var plan = ProgressPlanner.Plan(Tromso, start, holidays);
            plans++;

            Assert.Equal(Tromso.Steps.Select(s => s.Key), plan.Steps.Select(s => s.Key));
            foreach (var step in plan.Steps)
            {
                foreach (var day in step.Days.Dates())
                    Assert.True(NorwegianCalendar.IsSchoolDay(day, holidays), $"start {start:O}: {step.Key} on {day:O} ({day.DayOfWeek}) is not a school day");
                Assert.Equal(Tromso.Step(step.Key).Days, step.Days.Days);
            }
            // Steps come in the model's order, and nothing of Fase 1 happens before the start.
            for (var i = 1; i < plan.Steps.Count; i++)
                Assert.True(plan.Steps[i].Date >= plan.Steps[i - 1].EndDate, $"start {start:O}: {plan.Steps[i].Key} before {plan.Steps[i - 1].Key}");
            Assert.True(plan.Step("fase1.startup").Date >= start);
            Assert.True(plan.Step("forfase.agreement").Date < start);
            // Every half-year of guidance gets its two sessions, and the sessions lie within two years.
            Assert.All(SessionsPerHalfYear(plan).Values, n => Assert.Equal(2, n));
            Assert.Equal(4, plan.GuidanceHalfYears.Count);
            Assert.Equal(plan.GuidanceHalfYears[0].Ordinal + 3, plan.GuidanceHalfYears[3].Ordinal);
        }
        Assert.True(plans > 500);
    }

    [Fact]
    public void Programme_starting_1_March_2027_has_eight_sessions_two_in_each_half_year_of_the_next_two_school_years()
    {
        var plan = March2027();
        Assert.Equal(Enumerable.Range(1, 8), plan.Sessions.Select(s => s.SessionNumber!.Value));
        Assert.All(plan.Sessions, s => Assert.Equal((3, s.Date), (s.Hours!.Value, s.EndDate)));
        Assert.Equal(
            new Dictionary<HalfYear, int>
            {
                [new SchoolYear(2027).Autumn] = 2,
                [new SchoolYear(2027).Spring] = 2,
                [new SchoolYear(2028).Autumn] = 2,
                [new SchoolYear(2028).Spring] = 2,
            },
            SessionsPerHalfYear(plan));
        // Fase 4 is school year 2027/28, Fase 5 is 2028/29.
        Assert.All(plan.Sessions.Where(s => s.PhaseKey == "fase4"), s => Assert.Equal(new SchoolYear(2027), SchoolYear.Of(s.Date)));
        Assert.All(plan.Sessions.Where(s => s.PhaseKey == "fase5"), s => Assert.Equal(new SchoolYear(2028), SchoolYear.Of(s.Date)));
        // Roughly a third and two thirds into each half-year.
        Assert.Equal(D("2027-09-29"), plan.Step("fase4.session1").Date);
        Assert.Equal(D("2027-11-12"), plan.Step("fase4.session2").Date);
        Assert.Equal(D("2028-02-21"), plan.Step("fase4.session3").Date);
        Assert.Equal(D("2028-04-26"), plan.Step("fase4.session4").Date);
        Assert.Equal(new TemplateReference("tromso", 1), plan.Template);
        Assert.Equal("Fase 4", plan.Step("fase4.session1").PhaseName);
    }

    [Fact]
    public void Fase_1_to_3_of_a_March_start_fill_the_spring_around_vinterferie_Easter_and_Ascension()
    {
        var plan = March2027();
        // 1 March 2027 is in vinterferie (week 9): the start-up meeting moves to the Monday after.
        Assert.Equal(D("2027-03-08"), plan.Step("fase1.startup").Date);
        // Two school weeks later, but the Easter week does not count and 2. påskedag is a holiday.
        Assert.Equal(D("2027-03-30"), plan.Step("fase1.documents").Date);
        Assert.Equal(D("2027-04-20"), plan.Step("fase2.futurepicture").Date);
        // Forfase: first talk in January, agreement by the end of February of the same year.
        Assert.Equal(D("2027-01-15"), plan.Step("forfase.firsttalk").Date);
        Assert.Equal(D("2027-02-26"), plan.Step("forfase.agreement").Date);
    }

    [Fact]
    public void Assessment_days_are_three_school_days_in_a_row_before_session_1()
    {
        var plan = March2027();
        var days = plan.Step("fase3.assessmentdays");
        // 4 May 2027 would reach Kristi himmelfartsdag (6 May) on day 3, so they move to Monday 10 May.
        Assert.Equal(new DateRange(D("2027-05-10"), D("2027-05-12")), days.Days);
        Assert.Equal(3, days.Days.Days);
        Assert.All(days.Days.Dates(), d => Assert.True(NorwegianCalendar.IsSchoolDay(d, Holidays)));
        Assert.True(days.EndDate < plan.Step("fase4.session1").Date);
        Assert.Equal(StepKind.AssessmentDays, days.Kind);
        Assert.Equal(StepResponsible.Team, days.Responsible);
    }

    [Fact]
    public void Evaluations_come_right_after_sessions_4_and_8()
    {
        var plan = March2027();
        foreach (var (phase, last, next) in new[] { ("fase4", "fase4.session4", "fase5.session5"), ("fase5", "fase5.session8", "fase6.followup") })
        {
            var feedback = plan.Step($"{phase}.feedback");
            var meeting = plan.Step($"{phase}.evaluationmeeting");
            Assert.Equal(NorwegianCalendar.AddSchoolWeeks(plan.Step(last).Date, 1, Holidays), feedback.Date);
            Assert.True(feedback.Date < meeting.Date);
            Assert.True(meeting.Date < plan.Step(next).Date);
            Assert.Equal(HalfYear.OnOrAfter(plan.Step(last).Date), HalfYear.OnOrAfter(meeting.Date));
        }
    }

    [Fact]
    public void Follow_up_is_one_year_after_the_last_session_on_the_next_school_day()
    {
        var plan = March2027();
        var last = plan.Step("fase5.session8").Date;
        Assert.Equal(D("2029-04-26"), last);
        Assert.Equal(NorwegianCalendar.SchoolDayOnOrAfter(last.AddYears(1), Holidays), plan.Step("fase6.followup").Date);
        Assert.Equal(D("2030-04-26"), plan.Step("fase6.followup").Date);
    }

    [Fact]
    public void A_step_that_falls_in_hostferie_moves_to_the_Monday_after()
    {
        // Høstferie 2026 is week 40, 28 September–2 October; Thursday 1 October is inside it.
        var plan = ProgressPlanner.Plan(Tromso, D("2026-10-01"), Holidays);
        Assert.Equal(D("2026-10-05"), plan.Step("fase1.startup").Date);

        var own = Tromso.CopyAsOwnModel("nordvik", "Nordvik")
            .EditStep("fase1.documents", s => s with { Offset = OffsetRule.AfterPrevious(schoolDays: 3) });
        var early = ProgressPlanner.Plan(own, D("2026-09-23"), Holidays);
        // Three school days after Wednesday 23 September is Monday 28 September, the first day of høstferie.
        Assert.Equal(D("2026-10-05"), early.Step("fase1.documents").Date);
        Assert.Equal(DayOfWeek.Monday, early.Step("fase1.documents").Date.DayOfWeek);
    }

    [Fact]
    public void Three_sessions_per_half_year_in_the_owners_copy_changes_the_plan()
    {
        var own = Tromso.CopyAsOwnModel("nordvik", "Nordvik").WithSessionsPerHalfYear(3);
        var original = March2027();
        var plan = ProgressPlanner.Plan(own, D("2027-03-01"), Holidays);

        Assert.Equal(8, plan.Sessions.Count);
        Assert.Equal(
            new Dictionary<HalfYear, int>
            {
                [new SchoolYear(2027).Autumn] = 3,
                [new SchoolYear(2027).Spring] = 3,
                [new SchoolYear(2028).Autumn] = 2,
            },
            SessionsPerHalfYear(plan));
        // Slots at about a quarter, a half and three quarters of the half-year.
        Assert.True(plan.Step("fase4.session1").Date < original.Step("fase4.session1").Date);
        Assert.True(plan.Step("fase6.followup").Date < original.Step("fase6.followup").Date);
        // The evaluation still follows session 4 and comes before session 5.
        Assert.True(plan.Step("fase4.session4").Date < plan.Step("fase4.feedback").Date);
        Assert.True(plan.Step("fase4.evaluationmeeting").Date < plan.Step("fase5.session5").Date);
        Assert.Equal(own.Reference, plan.Template);
        Assert.Equal(original.Steps.Take(6), plan.Steps.Take(6));
    }

    [Fact]
    public void An_August_start_opens_the_guidance_in_the_spring_so_every_half_year_has_both_sessions()
    {
        var plan = ProgressPlanner.Plan(Tromso, D("2027-08-23"), Holidays);
        Assert.Equal(D("2027-08-23"), plan.Step("fase1.startup").Date);
        Assert.Equal(D("2027-02-26"), plan.Step("forfase.agreement").Date);
        Assert.Equal(
            [new SchoolYear(2027).Spring, new SchoolYear(2028).Autumn, new SchoolYear(2028).Spring, new SchoolYear(2029).Autumn],
            plan.GuidanceHalfYears);
    }

    [Fact]
    public void A_start_in_January_belongs_to_the_previous_years_Forfase()
    {
        var plan = ProgressPlanner.Plan(Tromso, D("2028-01-10"), Holidays);
        Assert.Equal(D("2027-01-15"), plan.Step("forfase.firsttalk").Date);
        Assert.Equal(D("2027-02-26"), plan.Step("forfase.agreement").Date);
    }

    [Fact]
    public void Overdue_steps_are_the_open_ones_whose_last_day_has_passed()
    {
        var plan = March2027();
        var today = D("2027-05-11"); // day 2 of the assessment days
        var tracked = plan.Track().Select(s => s.Key switch
        {
            "forfase.firsttalk" or "forfase.agreement" or "fase1.startup" => s with { Status = StepStatus.Done },
            "fase1.documents" => s with { Status = StepStatus.Cancelled },
            // Moved to a date that has also passed, and still not done.
            "fase2.futurepicture" => s with { Status = StepStatus.Moved, Date = D("2027-05-03"), EndDate = D("2027-05-03") },
            _ => s,
        }).ToList();

        Assert.Equal(["fase2.futurepicture"], ProgressPlanner.Overdue(tracked, today).Select(s => s.Key));

        var assessment = tracked.Single(s => s.Key == "fase3.assessmentdays");
        Assert.False(ProgressPlanner.IsOverdue(assessment, today)); // under way
        Assert.False(ProgressPlanner.IsOverdue(assessment, D("2027-05-12"))); // its last day
        Assert.True(ProgressPlanner.IsOverdue(assessment, D("2027-05-13")));
        Assert.False(ProgressPlanner.IsOverdue(assessment with { Status = StepStatus.Done }, D("2027-05-13")));

        // Moved to a later date: not overdue until that date has passed.
        var moved = tracked.Single(s => s.Key == "fase2.futurepicture") with { Date = D("2027-05-14"), EndDate = D("2027-05-14") };
        Assert.False(ProgressPlanner.IsOverdue(moved, today));

        // Everything still planned once the whole plan is behind us, oldest first.
        var late = ProgressPlanner.Overdue(plan.Track(), D("2031-01-01"));
        Assert.Equal(plan.Steps.Select(s => s.Key), late.Select(s => s.Key));
        Assert.Empty(ProgressPlanner.Overdue(plan.Track(), D("2027-01-15")));
    }

    [Fact]
    public void A_model_with_problems_is_not_planned()
    {
        var broken = Tromso.CopyAsOwnModel("x", "X") with { Name = "" };
        Assert.StartsWith("Modellen må ha et navn.", Assert.Throws<ArgumentException>(() => ProgressPlanner.Plan(broken, D("2027-03-01"), Holidays)).Message);
    }
}
