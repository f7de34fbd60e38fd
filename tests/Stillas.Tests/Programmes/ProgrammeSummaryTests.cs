using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stillas.Tests.Support;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Data;

namespace Stillas.Tests.Programmes;

/// <summary>
/// The stored programme summary (phase now, next step, overdue) equals what the steps say: a saved step
/// computes it again in the same save, and the daily job (ProgrammeSummaryJob) when only the day changes;
/// a read never writes. Checked against a plain in-memory computation from the steps, on both providers.
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

    /// <summary>The job's refresh for <paramref name="today"/> (what it does when the day changes), then a read.</summary>
    private async Task<ProgrammeSummary> ReadAsync(int id, DateOnly today)
    {
        await app.WithDbAsync(db => ProgrammeSummaries.RefreshStaleAsync(db.Programmes.Where(p => p.Id == id), db, today, default));
        return await StoredAsync(id);
    }

    private Task<ProgrammeSummary> StoredAsync(int id) => app.WithDbAsync(async db =>
        (await db.Programmes.AsNoTracking().Where(p => p.Id == id).Summaries(db).ToListAsync()).Single());

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

        // A new programme has its summary from the save that made its steps: the app's today's.
        AssertSummary(Compute(steps, app.Today), await StoredAsync(id), app.Today);
        foreach (var today in new[] { steps[0].Date.AddDays(-30), steps[3].Date, steps[3].Date.AddDays(1), steps[^1].Date.AddDays(400) })
            AssertSummary(Compute(steps, today), await ReadAsync(id, today), today);

        // The next step is moved into the past and another is cancelled: the save computes the summary again
        // (for the app's today), and the job's for another day agrees with the steps too, overdue count included.
        var day = steps[5].Date;
        await app.WithDbAsync(async db =>
        {
            var tracked = await db.PlanSteps.Where(s => s.ProgrammeId == id).OrderBy(s => s.Order).ToListAsync();
            tracked[5].Date = day.AddDays(-40);
            tracked[5].Status = StepStatus.Moved;
            tracked[6].Status = StepStatus.Cancelled;
            await db.SaveChangesAsync();
        });
        AssertSummary(Compute(await StepsAsync(id), app.Today), await StoredAsync(id), app.Today);
        AssertSummary(Compute(await StepsAsync(id), day), await ReadAsync(id, day), day);
        await app.WithDbAsync(async db =>
        {
            var step = await db.PlanSteps.Where(s => s.ProgrammeId == id).OrderBy(s => s.Order).Skip(7).FirstAsync();
            step.Status = StepStatus.Done;
            await db.SaveChangesAsync();
        });
        var changed = await StepsAsync(id);
        AssertSummary(Compute(changed, app.Today), await StoredAsync(id), app.Today);
        var overdue = Compute(changed, day).Overdue;
        Assert.True(overdue > 0);
        AssertSummary(Compute(changed, day), await ReadAsync(id, day), day);

        // Paused programmes show no overdue steps; the count comes back when it is active again.
        await app.WithDbAsync(db => db.Programmes.Where(p => p.Id == id).ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, ProgrammeStatus.Paused)));
        Assert.Equal(0, (await ReadAsync(id, day)).Overdue);
        await app.WithDbAsync(db => db.Programmes.Where(p => p.Id == id).ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, ProgrammeStatus.Active)));
        Assert.Equal(overdue, (await ReadAsync(id, day)).Overdue);

        // A page read never writes: the stored summary stays as the last refresh left it.
        static object Key(ProgrammeSummary p) => (p.SummaryDate, p.PhaseOrder, p.PhaseKey, p.NextTitle, p.NextDate, p.Overdue);
        var before = Key(await StoredAsync(id));
        Assert.NotEqual(app.Today, (await StoredAsync(id)).SummaryDate);
        var client = await app.LoginAsync("skoleeier@nordvik.test");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/Programmes?status=all")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(before, Key(await StoredAsync(id)));

        // The job brings a programme of another day up to today.
        var later = changed[^3].Date;
        var job = app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<ProgrammeSummaryJob>().Single();
        await app.WithDbAsync(db => ProgrammeSummaries.RefreshAsync(db, [id], later, default));
        await job.RunOnceAsync(default);
        AssertSummary(Compute(changed, app.Today), await StoredAsync(id), app.Today);
    }
}

public sealed class ProgrammeSummaryOnSqlite(StillasApp app) : ProgrammeSummaryTests(app), IClassFixture<StillasApp>;

public sealed class ProgrammeSummaryOnPostgres(PostgresApp app) : ProgrammeSummaryTests(app), IClassFixture<PostgresApp>;
