using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Mail;
using Stillas.Web.Platform.Text;
using Stillas.Web.Platform.Web;

namespace Stillas.Web.Features.Programmes.Sessions;

/// <summary>
/// Reminders, driven by the injected <see cref="TimeProvider"/>: the school's leaders a few days before
/// the interim-work feedback deadline, the team when the deadline passed without feedback, and everybody
/// before the follow-up meeting a year after the last session. Each mail has an outbox idempotency key
/// (kind, record, date, person) that the outbox holds unique, so a reminder is sent once, also when the
/// service runs again, restarts or runs on two instances; a moved deadline or meeting gets a new reminder.
/// </summary>
public sealed class SessionReminders(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SessionReminders> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    public const int FeedbackReminderDays = 3;
    public const int FollowUpReminderDays = 14;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await Platform.Data.DatabaseReadiness.WaitAsync(scopes, stoppingToken)) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await RunOnceAsync(stoppingToken); }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested) { log.LogWarning(ex, "Session reminders failed"); }
            try { await Task.Delay(Interval, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Queues the reminders due now; returns how many new mails were queued.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = AccessScope.System;
        var db = scope.ServiceProvider.GetRequiredService<StillasDb>();
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        var baseUrl = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<MailOptions>>().Value.BaseUrl.TrimEnd('/');
        var today = DateOnly.FromDateTime(NorwegianTime.ToOslo(clock.GetUtcNow()).DateTime);
        var queued = 0;

        // The latest sent version per session whose feedback is not submitted.
        var open = await db.Set<InterimWorkAgreement>().AsNoTracking()
            .Where(a => a.Status == InterimWorkStatus.Sent && a.FeedbackDeadline >= today.AddDays(-7) && a.FeedbackDeadline <= today.AddDays(FeedbackReminderDays))
            .Where(a => !db.Set<InterimWorkFeedback>().Any(f => f.SessionId == a.SessionId && f.SubmittedAt != null))
            // A paused, completed or cancelled programme reminds nobody.
            .Where(a => db.Programmes.Any(p => p.Id == a.ProgrammeId && p.Status == ProgrammeStatus.Active))
            .Select(a => new { a.SessionId, a.FeedbackDeadline, a.SchoolId, a.TeamId, a.Session!.Number, School = db.Schools.Where(s => s.Id == a.SchoolId).Select(s => s.Name).First() })
            .ToListAsync(ct);
        foreach (var a in open)
        {
            var link = $"{baseUrl}/Programmes/Sessions/InterimWork/{a.SessionId}";
            if (a.FeedbackDeadline >= today)
            {
                foreach (var p in await SessionService.SchoolLeadersAsync(db, a.SchoolId, ct))
                    queued += await QueueOnceAsync(db, outbox, Key("iw-due", a.SessionId, a.FeedbackDeadline, p.Id), p,
                        () => L.T("Påminnelse: tilbakemelding på mellomarbeid innen {0}", NorwegianTime.Date(a.FeedbackDeadline)),
                        () => L.T("Tilbakemeldingen på mellomarbeidet etter veiledning {0} skal sendes veilederteamet innen {1}.", a.Number, NorwegianTime.Date(a.FeedbackDeadline))
                              + "\n\n" + L.T("Skriv den i Stillas: {0}", link), ct);
            }
            else
            {
                // Late: flagged to the team the day after the deadline.
                foreach (var p in await SessionService.TeamMembersAsync(db, a.TeamId, ct))
                    queued += await QueueOnceAsync(db, outbox, Key("iw-late", a.SessionId, a.FeedbackDeadline, p.Id), p,
                        () => L.T("Tilbakemelding mangler: {0}, veiledning {1}", a.School, a.Number),
                        () => L.T("{0} har ikke sendt tilbakemelding på mellomarbeidet etter veiledning {1}. Fristen var {2}.", a.School, a.Number, NorwegianTime.Date(a.FeedbackDeadline))
                              + "\n\n" + link, ct);
            }
        }

        // The follow-up meeting a year after the last session (seed 000 § 3.2, Fase 6).
        var followUps = await db.PlanSteps.AsNoTracking()
            .Where(s => s.Kind == StepKind.FollowUp && (s.Status == StepStatus.Planned || s.Status == StepStatus.Moved) && s.Date >= today && s.Date <= today.AddDays(FollowUpReminderDays)
                        && s.Programme!.Status == ProgrammeStatus.Active)
            .Select(s => new { s.Id, s.Date, s.SchoolId, s.TeamId, s.ProgrammeId, School = db.Schools.Where(x => x.Id == s.SchoolId).Select(x => x.Name).First() })
            .ToListAsync(ct);
        foreach (var s in followUps)
        {
            var people = (await SessionService.SchoolLeadersAsync(db, s.SchoolId, ct)).Concat(await SessionService.TeamMembersAsync(db, s.TeamId, ct)).DistinctBy(p => p.Id);
            foreach (var p in people)
                queued += await QueueOnceAsync(db, outbox, Key("followup", s.Id, s.Date, p.Id), p,
                    () => L.T("Påminnelse: oppfølgingsmøte {0}, {1}", NorwegianTime.Date(s.Date), s.School),
                    () => L.T("Oppfølgingsmøtet med {0}, ett år etter siste veiledning, er {1}.", s.School, NorwegianTime.Date(s.Date))
                          + $"\n\n{baseUrl}/Programmes/Sessions/{s.ProgrammeId}", ct);
        }
        return queued;
    }

    private static string Key(string kind, int id, DateOnly date, int personId) =>
        string.Create(CultureInfo.InvariantCulture, $"reminder:{kind}:{id}:{date:yyyyMMdd}:p{personId}");

    /// <summary>Queues one reminder, its subject and text written in the recipient's language (whatever language runs the service).</summary>
    private static async Task<int> QueueOnceAsync(StillasDb db, Outbox outbox, string key, SessionService.Recipient to, Func<string> subject, Func<string> text, CancellationToken ct)
    {
        if (await db.Outbox.AnyAsync(m => m.IdempotencyKey == key, ct)) return 0;
        using (Languages.Use(to.Language))
            outbox.Enqueue(to.Email, to.Name, subject(), text(), idempotencyKey: key);
        try
        {
            await db.SaveChangesAsync(ct);
            return 1;
        }
        catch (DbUpdateException)
        {
            // Another instance queued it first: the unique key kept it to one.
            db.ChangeTracker.Clear();
            return 0;
        }
    }
}

public static class SessionSetup
{
    public static IServiceCollection AddSessions(this IServiceCollection services)
    {
        services.AddSingleton<SessionReminders>();
        services.AddHostedService(sp => sp.GetRequiredService<SessionReminders>());
        return services;
    }
}
