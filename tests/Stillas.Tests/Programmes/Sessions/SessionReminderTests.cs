using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Stillas.Tests.Support;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Features.Programmes.Sessions;
using Stillas.Web.Platform.Calendar;

namespace Stillas.Tests.Programmes.Sessions;

/// <summary>The app on a fake clock (27.11.2026 08:00 Oslo), so reminders and deadlines are tested without waiting.</summary>
public sealed class ClockedApp : StillasApp
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 27, 7, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>The app with an SMTP server that does not answer (SQLite; <see cref="SmtpDownPostgresApp"/> for PostgreSQL).</summary>
public class SmtpDownApp : StillasApp
{
    public SmtpDownApp() : this(Provider.Sqlite) { }

    protected SmtpDownApp(Provider provider) : base(provider) { }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mail:Port", "9"); // discard port: nothing listens
    }
}

public sealed class SessionReminderTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    [Fact]
    public async Task Reminders_before_the_deadline_and_late_flags_are_sent_once_also_after_a_restart()
    {
        var programme = await app.NewProgrammeAsync(new DateOnly(2026, 3, 2));
        var advisor = await app.LoginAsync(SessionTestSupport.Advisor);
        var id = (await app.SessionsAsync(advisor, programme))[1];
        var deadline = new DateOnly(2026, 11, 29); // in two days
        Assert.Equal(HttpStatusCode.OK, (await advisor.PostAsJsonAsync($"/api/v1/sessions/{id}/interim-work/send", SessionTestSupport.Agreement(["Gjør noe"], deadline))).StatusCode);

        var reminders = app.Services.GetRequiredService<SessionReminders>();
        await reminders.RunOnceAsync(CancellationToken.None);
        // The principal and the school leader (inspektør) of Sentrum skole.
        var first = 2;
        var key = $"reminder:iw-due:{id}:20261129:";
        await app.Smtp.WaitForAsync(m => m.To.ToString().Contains(SessionTestSupport.Principal) && (m.Subject ?? "").Contains("Påminnelse: tilbakemelding på mellomarbeid innen 29.11.2026"));
        Assert.Equal(0, await reminders.RunOnceAsync(CancellationToken.None));
        // A restart: a new service over the same database sends nothing again.
        var restarted = new SessionReminders(app.Services.GetRequiredService<IServiceScopeFactory>(), app.Clock, NullLogger<SessionReminders>.Instance);
        Assert.Equal(0, await restarted.RunOnceAsync(CancellationToken.None));
        Assert.Equal(first, await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.IdempotencyKey!.StartsWith(key))));

        // The deadline passes without feedback: the team is told, once.
        app.Clock.Advance(TimeSpan.FromDays(3));
        // Advancing the fake clock also wakes the hosted service's loop (Task.Delay on the TimeProvider), which may queue them first.
        await reminders.RunOnceAsync(CancellationToken.None);
        // Team 1's four members (with the English-speaking university guest).
        Assert.Equal(4, await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.IdempotencyKey!.StartsWith($"reminder:iw-late:{id}:"))));
        await app.Smtp.WaitForAsync(m => m.To.ToString().Contains(SessionTestSupport.Advisor) && (m.Subject ?? "").StartsWith("Tilbakemelding mangler"));
        Assert.Equal(0, await reminders.RunOnceAsync(CancellationToken.None));
        // Three days on the fake clock outlive the login cookie: log in again.
        advisor = await app.LoginAsync(SessionTestSupport.Advisor);
        var page = WebUtility.HtmlDecode(await (await advisor.GetAsync($"/Programmes/Sessions/{programme}")).Content.ReadAsStringAsync());
        Assert.Contains("Tilbakemelding mangler (frist 29.11.2026)", page);
    }

    [Fact]
    public async Task The_follow_up_meeting_is_reminded_two_weeks_before_once()
    {
        var programme = await app.NewProgrammeAsync(new DateOnly(2026, 3, 2));
        var stepId = await app.WithDbAsync(async db =>
        {
            var step = await db.PlanSteps.SingleAsync(s => s.ProgrammeId == programme && s.Key == "fase6.followup");
            step.Date = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(20);
            await db.SaveChangesAsync();
            return step.Id;
        });
        var reminders = app.Services.GetRequiredService<SessionReminders>();
        await reminders.RunOnceAsync(CancellationToken.None);
        Assert.Equal(0, await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.IdempotencyKey!.StartsWith($"reminder:followup:{stepId}:"))));
        app.Clock.Advance(TimeSpan.FromDays(7));
        await reminders.RunOnceAsync(CancellationToken.None);
        await reminders.RunOnceAsync(CancellationToken.None);
        // Principal, school leader and the four team members.
        Assert.Equal(6, await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.IdempotencyKey!.StartsWith($"reminder:followup:{stepId}:"))));
        await app.Smtp.WaitForAsync(m => (m.Subject ?? "").StartsWith("Påminnelse: oppfølgingsmøte"));
    }
}

public sealed class SmtpDownPostgresApp() : SmtpDownApp(Provider.Postgres);

/// <summary>Both providers: the outbox's claim and retry are ExecuteUpdate statements comparing instants, which each provider translates its own way.</summary>
public abstract class SmtpDownTests(StillasApp app)
{
    [Fact]
    public async Task When_SMTP_is_down_the_agreement_is_queued_and_retried_and_the_team_sees_not_yet_sent()
    {
        var programme = await app.NewProgrammeAsync();
        var advisor = await app.LoginAsync(SessionTestSupport.Advisor);
        var id = (await app.SessionsAsync(advisor, programme))[1];
        var send = await advisor.PostAsJsonAsync($"/api/v1/sessions/{id}/interim-work/send", SessionTestSupport.Agreement(["Punkt"], new DateOnly(2027, 10, 1)));
        Assert.Equal(HttpStatusCode.OK, send.StatusCode);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline && await app.WithDbAsync(db => db.Outbox.AnyAsync(m => m.IdempotencyKey!.StartsWith($"interimwork:{id}:") && m.Attempts > 0)) == false)
            await Task.Delay(100);
        var rows = await app.WithDbAsync(db => db.Outbox.Where(m => m.IdempotencyKey!.StartsWith($"interimwork:{id}:")).ToListAsync());
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Null(r.SentAt));
        Assert.Contains(rows, r => r.Attempts > 0 && r.LastError is not null && r.DueAt > r.CreatedAt);
        Assert.All(rows, r => Assert.Equal("application/pdf", r.AttachmentContentType));
        // The backoff has passed (made due now rather than waiting 15 s): the dispatcher tries again, and fails again.
        await app.WithDbAsync(db => db.Outbox.Where(m => m.IdempotencyKey!.StartsWith($"interimwork:{id}:")).ExecuteUpdateAsync(u => u.SetProperty(m => m.DueAt, app.Now.AddSeconds(-1))));
        deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline && await app.WithDbAsync(db => db.Outbox.AnyAsync(m => m.IdempotencyKey!.StartsWith($"interimwork:{id}:") && m.Attempts < 2)))
            await Task.Delay(100);
        rows = await app.WithDbAsync(db => db.Outbox.Where(m => m.IdempotencyKey!.StartsWith($"interimwork:{id}:")).ToListAsync());
        Assert.All(rows, r => Assert.True(r.Attempts >= 2 && r.SentAt is null && r.LastError is not null, $"attempts {r.Attempts}, sent {r.SentAt}"));
        var page = WebUtility.HtmlDecode(await (await advisor.GetAsync($"/Programmes/Sessions/InterimWork/{id}")).Content.ReadAsStringAsync());
        Assert.Contains("Ikke sendt ennå", page);
    }
}

public sealed class SmtpDownTestsOnSqlite(SmtpDownApp app) : SmtpDownTests(app), IClassFixture<SmtpDownApp>;

public sealed class SmtpDownTestsOnPostgres(SmtpDownPostgresApp app) : SmtpDownTests(app), IClassFixture<SmtpDownPostgresApp>;

/// <summary>Issue 6, part 7 (seed 000 § 3.2, Fase 6): the follow-up meeting a year after the last session, on its own fake clock.</summary>
public sealed class FollowUpMeetingTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    [Fact]
    public async Task The_follow_up_meeting_follows_the_last_session_is_in_the_team_and_principal_calendars_and_is_reminded()
    {
        // A programme that started in March 2024: its last session is in 2026 and its follow-up in 2027,
        // inside the feeds' two years ahead of the clock (27.11.2026).
        var (programme, holidays) = await app.WithDbAsync(async db =>
        {
            var nordvik = await db.Owners.Where(o => o.Name == "Nordvik kommune").Select(o => o.Id).SingleAsync();
            var sentrum = await db.Schools.Where(s => s.Name == "Sentrum skole").Select(s => s.Id).SingleAsync();
            var team = await db.Teams.Where(t => t.Name == "Veilederteam 1").Select(t => t.Id).SingleAsync();
            var ranges = (await ProgrammePlanning.HolidaysAsync(db, nordvik, CancellationToken.None)).Ranges;
            var model = ProgrammeTemplates.TromsoV1;
            var p = ProgrammePlanning.Create(nordvik, sentrum, team, model, ProgressPlanner.Plan(model, new DateOnly(2024, 3, 4), ranges));
            db.Programmes.Add(p);
            await db.SaveChangesAsync();
            return (p.Id, ranges);
        });
        var rule = ProgrammeTemplates.TromsoV1.Steps.Single(s => s.Key == "fase6.followup");
        Task<(PlanStep Last, PlanStep FollowUp)> StepsAsync() => app.WithDbAsync(async db =>
        {
            var steps = await db.PlanSteps.AsNoTracking().Where(s => s.ProgrammeId == programme).ToListAsync();
            return (steps.Where(s => s.Kind == StepKind.Session).OrderBy(s => s.SessionNumber).Last(), steps.Single(s => s.Kind == StepKind.FollowUp));
        });

        // Scheduled: a year after session 8, on the first school day from then.
        var (last, followUp) = await StepsAsync();
        Assert.Equal(8, last.SessionNumber);
        Assert.Equal(ProgressPlanner.AfterLastSession(rule, last.LastDay, holidays), followUp.Date);
        Assert.InRange(followUp.Date.DayNumber - last.LastDay.AddYears(1).DayNumber, 0, 13);

        // The team moves session 8 three weeks on: the follow-up follows it.
        var advisor = await app.LoginAsync(SessionTestSupport.Advisor);
        var moved = NorwegianCalendar.SchoolDayOnOrAfter(last.Date.AddDays(21), holidays);
        var put = await advisor.PutAsJsonAsync($"/api/v1/programmes/{programme}/steps/{last.Id}", new { date = moved.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), status = (int)StepStatus.Planned });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        (last, followUp) = await StepsAsync();
        Assert.Equal(moved, last.Date);
        var expected = ProgressPlanner.AfterLastSession(rule, moved, holidays);
        Assert.Equal(expected, followUp.Date);
        Assert.Equal(StepStatus.Moved, followUp.Status);

        // In the calendar feeds of the team's advisor and of the school's principal.
        foreach (var email in new[] { SessionTestSupport.Advisor, SessionTestSupport.Principal })
        {
            var token = "followup-" + Guid.NewGuid().ToString("N");
            await app.WithDbAsync(async db =>
            {
                var person = await db.People.Where(p => p.Email == email).Select(p => p.Id).SingleAsync();
                db.CalendarFeeds.RemoveRange(db.CalendarFeeds.Where(f => f.PersonId == person));
                await db.SaveChangesAsync();
                db.CalendarFeeds.Add(new CalendarFeed { PersonId = person, TokenHash = CalendarFeedTokens.Hash(token) });
                await db.SaveChangesAsync();
            });
            var ics = (await app.Client().GetStringAsync($"/calendar/{token}.ics")).Replace("\r\n ", "", StringComparison.Ordinal);
            var uid = ics.IndexOf($"UID:stillas-step-{followUp.Id}@localhost\r\n", StringComparison.Ordinal);
            Assert.True(uid > 0, $"{email}: the follow-up meeting is not in the feed");
            var ev = ics[ics.LastIndexOf("BEGIN:VEVENT", uid, StringComparison.Ordinal)..ics.IndexOf("END:VEVENT", uid, StringComparison.Ordinal)];
            Assert.Contains($"DTSTART;VALUE=DATE:{expected:yyyyMMdd}", ev);
            Assert.Contains("SUMMARY:Oppfølgingsmøte – Sentrum skole", ev);
        }

        // Reminded two weeks before, once, to the school's leaders and the team.
        var reminders = app.Services.GetRequiredService<SessionReminders>();
        var key = $"reminder:followup:{followUp.Id}:{expected:yyyyMMdd}:";
        Assert.Equal(0, await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.IdempotencyKey!.StartsWith(key))));
        app.Clock.SetUtcNow(new DateTimeOffset(expected.AddDays(-10).ToDateTime(new TimeOnly(7, 0)), TimeSpan.Zero));
        await reminders.RunOnceAsync(CancellationToken.None);
        await reminders.RunOnceAsync(CancellationToken.None);
        // Principal, school leader and team 1's four members.
        Assert.Equal(6, await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.IdempotencyKey!.StartsWith(key))));
        await app.Smtp.WaitForAsync(m => m.To.ToString().Contains(SessionTestSupport.Principal) && (m.Subject ?? "") == $"Påminnelse: oppfølgingsmøte {expected:dd.MM.yyyy}, Sentrum skole");
    }

    [Fact]
    public async Task A_cancelled_programme_reminds_nobody_of_its_follow_up_or_interim_work()
    {
        var advisor = await app.LoginAsync(SessionTestSupport.Advisor);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        // Two programmes set up alike; only the first is cancelled. The second is the positive control: the
        // same run reminds it, so the cancelled one's silence is the rule working, not a run that did nothing.
        async Task<(int Step, int Session)> SetUpAsync(bool cancel)
        {
            var programme = await app.NewProgrammeAsync(new DateOnly(2026, 3, 2));
            var session = (await app.SessionsAsync(advisor, programme))[1];
            Assert.Equal(HttpStatusCode.OK, (await advisor.PostAsJsonAsync($"/api/v1/sessions/{session}/interim-work/send", SessionTestSupport.Agreement(["Punkt"], today.AddDays(2)))).StatusCode);
            var step = await app.WithDbAsync(async db =>
            {
                var s = await db.PlanSteps.SingleAsync(x => x.ProgrammeId == programme && x.Kind == StepKind.FollowUp);
                s.Date = today.AddDays(5);
                if (cancel) (await db.Programmes.SingleAsync(p => p.Id == programme)).Status = ProgrammeStatus.Cancelled;
                await db.SaveChangesAsync();
                return s.Id;
            });
            return (step, session);
        }
        var cancelled = await SetUpAsync(cancel: true);
        var active = await SetUpAsync(cancel: false);
        await app.Services.GetRequiredService<SessionReminders>().RunOnceAsync(CancellationToken.None);
        Task<int> RemindersAsync((int Step, int Session) p) => app.WithDbAsync(db => db.Outbox.CountAsync(m =>
            m.IdempotencyKey!.StartsWith($"reminder:followup:{p.Step}:") || m.IdempotencyKey!.StartsWith($"reminder:iw-due:{p.Session}:")));
        Assert.True(await RemindersAsync(active) > 0, "the active programme's follow-up and interim work are reminded");
        Assert.Equal(0, await RemindersAsync(cancelled));
    }
}
