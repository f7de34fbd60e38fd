using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Stillas.Tests.Support;
using Stillas.Web.Features.Sessions;

namespace Stillas.Tests.Sessions;

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

/// <summary>The app with an SMTP server that does not answer.</summary>
public sealed class SmtpDownApp : StillasApp
{
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
        Assert.Equal(3, await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.IdempotencyKey!.StartsWith($"reminder:iw-late:{id}:"))));
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
        // Principal, school leader and the three team members.
        Assert.Equal(5, await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.IdempotencyKey!.StartsWith($"reminder:followup:{stepId}:"))));
        await app.Smtp.WaitForAsync(m => (m.Subject ?? "").StartsWith("Påminnelse: oppfølgingsmøte"));
    }
}

public sealed class SmtpDownTests(SmtpDownApp app) : IClassFixture<SmtpDownApp>
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
        var page = WebUtility.HtmlDecode(await (await advisor.GetAsync($"/Programmes/Sessions/InterimWork/{id}")).Content.ReadAsStringAsync());
        Assert.Contains("Ikke sendt ennå", page);
    }
}
