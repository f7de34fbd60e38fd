using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Stillas.Tests.Support;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Mail;

namespace Stillas.Tests.Mail;

/// <summary>
/// The app on a fake clock whose SMTP port has nothing listening (connection refused) until the test starts a
/// real SMTP server on that very port (<see cref="StartSmtp"/>).
/// </summary>
public sealed class SmtpOutageApp : StillasApp
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 27, 7, 0, 0, TimeSpan.Zero));
    public int SmtpPort { get; } = SmtpSink.FreePort();
    public SmtpSink? SmtpServer { get; private set; }

    public SmtpSink StartSmtp() => SmtpServer ??= new SmtpSink(SmtpPort);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mail:Port", SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) SmtpServer?.Dispose();
    }
}

/// <summary>Issue 18, part 3: after the last attempt a mail is "ikke levert", shown to its owner's administrator, and can be sent again.</summary>
public sealed class UndeliveredMailTests(SmtpOutageApp app) : IClassFixture<SmtpOutageApp>
{
    private const string NordvikAdmin = "skoleeier@nordvik.test";
    private const string FjordlandAdmin = "skoleeier@fjordland.test";
    private const string Recipient = "lise.laerer@nordvik.test"; // a Nordvik teacher: the mail is Nordvik's

    [Fact]
    public async Task A_mail_the_SMTP_server_never_takes_is_not_delivered_shown_to_its_owners_administrator_and_sent_once_when_asked_again()
    {
        var subject = "Utestengt test " + Guid.NewGuid().ToString("N")[..8];
        const string body = "Hemmelig innhold som administratoren ikke skal lese.";
        // Queued as a feature does, without saying the owner: the dispatcher takes the recipient's.
        var id = await app.WithDbAsync(async db =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = AccessScope.System;
            var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
            var message = outbox.Enqueue(Recipient, "Lise Lærer", subject, body, null, null, null, attachment: null);
            await scope.ServiceProvider.GetRequiredService<StillasDb>().SaveChangesAsync();
            return message.Id;
        });
        var nordvik = await app.WithDbAsync(db => db.Owners.Where(o => o.Name == "Nordvik kommune").Select(o => o.Id).SingleAsync());
        var max = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MailOptions>>().Value.MaxAttempts;

        // Every attempt meets a closed port; between them the fake clock passes the longest backoff.
        for (var attempt = 1; attempt <= max; attempt++)
        {
            if (attempt > 1) app.Clock.Advance(TimeSpan.FromHours(1.5));
            await DriveUntilAsync(id, m => m.Attempts >= attempt, $"attempt {attempt}");
        }
        var failed = await MessageAsync(id);
        Assert.NotNull(failed.FailedAt);
        Assert.Null(failed.SentAt);
        Assert.Equal(max, failed.Attempts);
        Assert.False(string.IsNullOrEmpty(failed.LastError));
        Assert.Equal(nordvik, failed.OwnerId);
        // Not tried again by itself, however long one waits.
        app.Clock.Advance(TimeSpan.FromDays(1));
        await app.Services.GetRequiredService<MailDispatcher>().SendDueAsync(CancellationToken.None);
        Assert.Equal(max, (await MessageAsync(id)).Attempts);

        // The monitor sees it.
        var health = await app.Client().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Degraded", await health.Content.ReadAsStringAsync());

        // Nordvik's administrator: the alert on the start page, and the mail on the page, without its body.
        var admin = await app.LoginAsync(NordvikAdmin);
        var start = WebUtility.HtmlDecode(await admin.GetStringAsync("/"));
        Assert.Contains("ble ikke levert", start);
        Assert.Contains("href=\"/Mail/Undelivered\"", start);
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/Mail/Undelivered"));
        Assert.Contains(subject, page);
        Assert.Contains(Recipient, page);
        Assert.Contains(failed.LastError!, page);
        Assert.DoesNotContain(body, page);
        // The system administrator sees all mail.
        Assert.Contains(subject, WebUtility.HtmlDecode(await (await app.LoginAsync("admin@stillas.test")).GetStringAsync("/Mail/Undelivered")));

        // Fjordland's administrator neither sees it nor can send it; someone who administers nothing may not look.
        var fjordland = await app.LoginAsync(FjordlandAdmin);
        var theirs = await fjordland.GetAsync("/Mail/Undelivered");
        Assert.Equal(HttpStatusCode.OK, theirs.StatusCode);
        Assert.DoesNotContain(subject, await theirs.Content.ReadAsStringAsync());
        var refusedResend = await fjordland.PostFormAsync("/Mail/Undelivered?handler=Resend", new() { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/Mail/Undelivered");
        Assert.Equal(HttpStatusCode.NotFound, refusedResend.StatusCode);
        Refused.Assert(await (await app.LoginAsync("veileder@nordvik.test")).GetAsync("/Mail/Undelivered"), "an advisor on the undelivered mail");
        Assert.NotNull((await MessageAsync(id)).FailedAt);

        // The SMTP server is back; "Send på nytt" sends it, once, and the audit log says who asked.
        var smtp = app.StartSmtp();
        var resend = await admin.PostFormAsync("/Mail/Undelivered?handler=Resend", new() { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/Mail/Undelivered");
        Assert.Equal(HttpStatusCode.Redirect, resend.StatusCode);
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "E-post" && a.EntityId == key && a.ActorName != "System" && a.OwnerId == nordvik)));
        await DriveUntilAsync(id, m => m.SentAt != null, "sent after the resend");
        var arrived = await smtp.WaitForAsync(m => m.Subject == subject);
        Assert.Contains(Recipient, arrived.To.ToString());
        Assert.Single(smtp.Messages, m => m.Subject == subject);
        Assert.Contains("sendes på nytt", WebUtility.HtmlDecode(await admin.GetStringAsync("/Mail/Undelivered"))); // the confirmation, once
        Assert.DoesNotContain(subject, WebUtility.HtmlDecode(await admin.GetStringAsync("/Mail/Undelivered")));

        // Whatever else the fake clock's days queued (reminders) goes out too; then the monitor is content again.
        await app.WithDbAsync(db => db.Outbox.Where(m => m.SentAt == null).ExecuteUpdateAsync(s => s.SetProperty(m => m.FailedAt, (DateTimeOffset?)null).SetProperty(m => m.Attempts, 0).SetProperty(m => m.DueAt, app.Clock.GetUtcNow())));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await app.WithDbAsync(db => db.Outbox.AnyAsync(m => m.SentAt == null)) && DateTime.UtcNow < deadline)
            await app.Services.GetRequiredService<MailDispatcher>().SendDueAsync(CancellationToken.None);
        Assert.Single(smtp.Messages, m => m.Subject == subject);
        health = await app.Client().GetAsync("/health/ready");
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Mail_that_waits_more_than_an_hour_makes_the_service_degraded_before_it_has_failed()
    {
        // A dispatcher that is not sending: a message due over an hour ago, not yet failed.
        var id = await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow();
            var m = new OutboxMessage { ToAddress = "ingen@nordvik.test", Subject = "Forsinket", TextBody = "-", CreatedAt = now.AddHours(-3), DueAt = now.AddHours(-2), LeaseUntil = now.AddDays(30), LeaseOwner = "a stuck instance" };
            db.Outbox.Add(m);
            await db.SaveChangesAsync();
            return m.Id;
        });
        try
        {
            Assert.Equal("Degraded", await (await app.Client().GetAsync("/health/ready")).Content.ReadAsStringAsync());
        }
        finally
        {
            await app.WithDbAsync(db => db.Outbox.Where(m => m.Id == id).ExecuteDeleteAsync());
        }
    }

    private Task<OutboxMessage> MessageAsync(long id) => app.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id));

    /// <summary>Runs the dispatcher (beside its own background loop) until the message is as asked, with a deadline.</summary>
    private async Task DriveUntilAsync(long id, Func<OutboxMessage, bool> done, string what)
    {
        var dispatcher = app.Services.GetRequiredService<MailDispatcher>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!done(await MessageAsync(id)))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The outbox did not reach '{what}': {System.Text.Json.JsonSerializer.Serialize(await MessageAsync(id))}");
            await dispatcher.SendDueAsync(CancellationToken.None);
            await Task.Delay(20);
        }
    }
}
