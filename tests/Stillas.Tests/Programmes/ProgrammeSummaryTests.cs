using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Support;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Data;

namespace Stillas.Tests.Programmes;

/// <summary>
/// The stored programme summary (phase now, next step, overdue) equals what the steps say on the day
/// it is read: a step saved clears it, a new day makes it stale, and either way it is computed again.
/// Checked against a plain in-memory computation from the steps, on both providers.
/// </summary>
public abstract class ProgrammeSummaryTests(StillasApp app)
{
    private sealed record Expected(int PhaseOrder, string? PhaseKey, string? PhaseName, string? NextTitle, DateOnly? NextDate, int Overdue);

    /// <summary>The definition, in plain C#: the first step not yet passed in model order, else the last step.</summary>
    private static Expected Compute(IReadOnlyList<PlanStep> steps, DateOnly today)
    {
        static bool Upcoming(PlanStep s, DateOnly today) => s.Status != StepStatus.Cancelled && (s.EndDate ?? s.Date) >= today;
        var phase = steps.Where(s => Upcoming(s, today)).OrderBy(s => s.Order).FirstOrDefault()
                    ?? steps.OrderByDescending(s => s.Order).FirstOrDefault();
        var todo = steps.Where(s => s.Status is StepStatus.Planned or StepStatus.Moved).ToList();
        var next = todo.Where(s => (s.EndDate ?? s.Date) >= today).OrderBy(s => s.Date).ThenBy(s => s.Order).FirstOrDefault();
        return new Expected(phase?.Order ?? 0, phase?.PhaseKey, phase?.PhaseName, next?.Title, next?.Date, todo.Count(s => (s.EndDate ?? s.Date) < today));
    }

    private Task<int> NewProgrammeAsync(DateOnly start) => app.WithDbAsync(async db =>
    {
        var school = await db.Schools.SingleAsync(s => s.Name == "Sentrum skole");
        var team = await db.Teams.SingleAsync(t => t.Name == "Veilederteam 1");
        var holidays = await ProgrammePlanning.HolidaysAsync(db, school.OwnerId, default);
        var model = ProgrammeTemplates.TromsoV1;
        var programme = ProgrammePlanning.Create(school.OwnerId, school.Id, team.Id, model, ProgressPlanner.Plan(model, start, holidays.Ranges));
        db.Programmes.Add(programme);
        await db.SaveChangesAsync();
        return programme.Id;
    });

    private Task<ProgrammeSummary> ReadAsync(int id, DateOnly today) => app.WithDbAsync(async db =>
        (await db.Programmes.AsNoTracking().Where(p => p.Id == id).Summaries(db).ToFreshListAsync(db, today, default)).Single());

    private Task<List<PlanStep>> StepsAsync(int id) =>
        app.WithDbAsync(db => db.PlanSteps.AsNoTracking().Where(s => s.ProgrammeId == id).OrderBy(s => s.Order).ToListAsync());

    private static void AssertSummary(Expected expected, ProgrammeSummary actual, DateOnly today)
    {
        Assert.Equal(today, actual.SummaryDate);
        Assert.Equal(expected, new Expected(actual.PhaseOrder, actual.PhaseKey, actual.PhaseName, actual.NextTitle, actual.NextDate, actual.Overdue));
    }

    [Fact]
    public async Task The_summary_follows_the_days_and_every_saved_step()
    {
        var id = await NewProgrammeAsync(new DateOnly(2027, 8, 23));
        var steps = await StepsAsync(id);
        Assert.InRange(steps.Count, 12, 200);

        // A new programme has no summary until it is first read; then it is the steps' on that day.
        Assert.Null(await app.WithDbAsync(db => db.Programmes.Where(p => p.Id == id).Select(p => p.SummaryDate).SingleAsync()));
        foreach (var today in new[] { steps[0].Date.AddDays(-30), steps[3].Date, steps[3].Date.AddDays(1), steps[^1].Date.AddDays(400) })
            AssertSummary(Compute(steps, today), await ReadAsync(id, today), today);

        // The next step is moved into the past and another is cancelled: the stored summary is cleared on save
        // and the next read agrees with the steps again, overdue count included.
        var day = steps[5].Date;
        await app.WithDbAsync(async db =>
        {
            var tracked = await db.PlanSteps.Where(s => s.ProgrammeId == id).OrderBy(s => s.Order).ToListAsync();
            tracked[5].Date = day.AddDays(-40);
            tracked[5].Status = StepStatus.Moved;
            tracked[6].Status = StepStatus.Cancelled;
            await db.SaveChangesAsync();
        });
        Assert.Null(await app.WithDbAsync(db => db.Programmes.Where(p => p.Id == id).Select(p => p.SummaryDate).SingleAsync()));
        AssertSummary(Compute(await StepsAsync(id), day), await ReadAsync(id, day), day);
        await app.WithDbAsync(async db =>
        {
            var step = await db.PlanSteps.Where(s => s.ProgrammeId == id).OrderBy(s => s.Order).Skip(7).FirstAsync();
            step.Status = StepStatus.Done;
            await db.SaveChangesAsync();
        });
        Assert.Null(await app.WithDbAsync(db => db.Programmes.Where(p => p.Id == id).Select(p => p.SummaryDate).SingleAsync()));
        var changed = await StepsAsync(id);
        var overdue = Compute(changed, day).Overdue;
        Assert.True(overdue > 0);
        AssertSummary(Compute(changed, day), await ReadAsync(id, day), day);

        // Paused programmes show no overdue steps; the count comes back when it is active again.
        await app.WithDbAsync(db => db.Programmes.Where(p => p.Id == id).ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, ProgrammeStatus.Paused)));
        Assert.Equal(0, (await ReadAsync(id, day)).Overdue);
        await app.WithDbAsync(db => db.Programmes.Where(p => p.Id == id).ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, ProgrammeStatus.Active)));
        Assert.Equal(overdue, (await ReadAsync(id, day)).Overdue);

        // A list that sorts by phase refreshes the stale ones first.
        var later = changed[^3].Date;
        await app.WithDbAsync(db => ProgrammeSummaries.RefreshStaleAsync(db.Programmes.Where(p => p.Id == id), db, later, default));
        var stored = await app.WithDbAsync(db => db.Programmes.AsNoTracking().Where(p => p.Id == id).Summaries(db).SingleAsync());
        AssertSummary(Compute(changed, later), stored, later);
    }
}

public sealed class ProgrammeSummaryOnSqlite(StillasApp app) : ProgrammeSummaryTests(app), IClassFixture<StillasApp>;

public sealed class ProgrammeSummaryOnPostgres(PostgresApp app) : ProgrammeSummaryTests(app), IClassFixture<PostgresApp>;
