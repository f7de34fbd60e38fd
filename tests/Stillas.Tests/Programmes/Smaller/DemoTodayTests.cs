using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Support;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Features.Programmes.Sessions;
using Stillas.Web.Platform.Calendar;
using Stillas.Web.Platform.Data.Seed;

namespace Stillas.Tests.Programmes.Smaller;

/// <summary>The app started a year and a few days after the day the demo is written for (Tuesday 30.11.2027).</summary>
public class LaterDemoApp : StillasApp
{
    public const string Start = "2027-11-30T08:00:00+01:00";

    public LaterDemoApp() : this(Provider.Sqlite) { }

    protected LaterDemoApp(Provider provider) : base(provider) { }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Clock:Start", Start);
    }
}

public sealed class LaterDemoAppOnPostgres() : LaterDemoApp(Provider.Postgres);

/// <summary>
/// The demo seeded on a later day tells the same story as on the day it is written for: sessions held, one interim
/// work awaiting feedback, the next session in the coming week, nothing newly overdue.
/// </summary>
public abstract class DemoTodayTests(LaterDemoApp app)
{
    [Fact]
    public void Weeks_keep_weekdays_and_put_the_seeding_day_in_the_designed_week()
    {
        Assert.Equal(0, DemoData.WeeksFromDesign(new DateOnly(2026, 11, 27)));
        Assert.Equal(0, DemoData.WeeksFromDesign(new DateOnly(2026, 11, 23)));
        Assert.Equal(0, DemoData.WeeksFromDesign(new DateOnly(2026, 11, 29)));
        Assert.Equal(1, DemoData.WeeksFromDesign(new DateOnly(2026, 11, 30)));
        Assert.Equal(53, DemoData.WeeksFromDesign(new DateOnly(2027, 11, 30)));
        Assert.Equal(-1, DemoData.WeeksFromDesign(new DateOnly(2026, 11, 22)));
        Assert.Equal(1, DemoData.YearsFromDesign(53));
        Assert.Equal(0, DemoData.YearsFromDesign(20));
    }

    [Fact]
    public async Task The_story_is_the_same_a_year_later()
    {
        var today = app.Today;
        Assert.Equal(new DateOnly(2027, 11, 30), today);
        var weeks = DemoData.WeeksFromDesign(today);
        var days = weeks * 7;

        var sentrum = await app.WithDbAsync(db => db.Programmes.Include(p => p.Steps).SingleAsync(p => p.School!.Name == "Sentrum skole"));
        var sessions = sentrum.Steps.Where(s => s.Kind == StepKind.Session).OrderBy(s => s.SessionNumber).ToList();
        // Sessions 1–4 held, before today.
        Assert.All(sessions.Take(4), s => Assert.True(s.Status == StepStatus.Done && s.Date < today, $"{s.Key} {s.Date}"));
        // The next session is in the coming week, on the weekday it was designed for (Friday).
        var next = sessions[4];
        Assert.True(next.Date > today && next.Date <= today.AddDays(13), $"next session {next.Date}");
        Assert.Equal(DayOfWeek.Friday, next.Date.DayOfWeek);
        Assert.Equal(new DateOnly(2026, 12, 4).AddDays(days), next.Date);
        // The school year moved with it.
        Assert.Equal(SchoolYear.Of(sentrum.StartDate).ToString(), sentrum.SchoolYear);
        Assert.Equal("2026/27", sentrum.SchoolYear);

        // One interim work awaits feedback, its deadline ahead.
        var awaiting = await app.WithDbAsync(db => db.InterimWorkAgreements
            .Where(a => a.ProgrammeId == sentrum.Id && a.Status == InterimWorkStatus.Sent && !db.InterimWorkFeedback.Any(f => f.SessionId == a.SessionId))
            .Select(a => a.FeedbackDeadline).ToListAsync());
        var deadline = Assert.Single(awaiting);
        Assert.True(deadline >= today, $"deadline {deadline}");
        Assert.Equal(new DateOnly(2026, 12, 3).AddDays(days), deadline);

        // Overdue: exactly what was overdue on the designed day (Sentrum's future picture), nothing more.
        var overdue = await app.WithDbAsync(db => db.PlanSteps
            .Where(s => (s.Status == StepStatus.Planned || s.Status == StepStatus.Moved) && (s.EndDate ?? s.Date) < today)
            .Select(s => s.Programme!.School!.Name + " " + s.Key).ToListAsync());
        Assert.Equal(["Sentrum skole fase2.futurepicture"], overdue);
        var lateDocuments = await app.WithDbAsync(db => db.DocumentRequests.CountAsync(r => r.Status == Stillas.Web.Features.Programmes.StartUp.DocumentStatus.Requested && r.DueDate < today));
        Assert.Equal(0, lateDocuments);

        // Nothing was created after "now", and the audit log's seeding entries are not in the future either.
        var newest = await app.WithDbAsync(db => db.AuditEntries.OrderByDescending(a => a.Id).Select(a => a.At).FirstAsync());
        Assert.True(newest <= app.Now.AddMinutes(5), $"audit {newest}");

        // The holidays are the suggestion for the moved school years: Christmas from the suggestion, not a week off.
        var christmas = SchoolHolidaySuggestion.For(new SchoolYear(2027)).First(h => h.Kind == SchoolHolidayKind.Christmas).Range;
        var stored = await app.WithDbAsync(db => db.SchoolHolidays.Where(h => h.SchoolYear == "2027/28" && h.Kind == SchoolHolidayKind.Christmas).Select(h => new { h.Start, h.End }).ToListAsync());
        Assert.Contains(stored, h => h.Start == christmas.Start && h.End == christmas.End);

        // The page says it as on the designed day.
        var advisor = await app.LoginAsync("veileder@nordvik.test");
        var page = System.Net.WebUtility.HtmlDecode(await advisor.GetStringAsync($"/Programmes/Sessions/{sentrum.Id}"));
        Assert.Contains($"Venter på tilbakemelding innen {deadline:dd.MM.yyyy}", page);
        // The selection round titles follow the school years.
        var rounds = await app.WithDbAsync(db => db.SelectionRounds.Select(r => r.SchoolYear + " " + r.Title).ToListAsync());
        Assert.Contains("2028/29 Utvalg av skoler til veiledning 2028/29", rounds);
    }
}

public sealed class DemoTodayOnSqlite(LaterDemoApp app) : DemoTodayTests(app), IClassFixture<LaterDemoApp>;

public sealed class DemoTodayOnPostgres(LaterDemoAppOnPostgres app) : DemoTodayTests(app), IClassFixture<LaterDemoAppOnPostgres>;
