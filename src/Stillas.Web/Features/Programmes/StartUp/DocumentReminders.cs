using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Programmes.Agreement;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Mail;
using Stillas.Web.Platform.Text;
using Stillas.Web.Platform.Web;

namespace Stillas.Web.Features.Programmes.StartUp;

/// <summary>
/// Reminds the school's leadership (principal and school leaders) a few days before the documents the team asked
/// for are due (seed 000 § 3.2, Fase 1): one mail per programme, deadline and person, listing the requests still
/// not delivered. The outbox's unique idempotency key (programme, deadline, person) keeps it to one, also after
/// a restart or on two instances; a moved deadline gets a reminder of its own. Driven by the injected clock.
/// </summary>
public sealed class DocumentReminders(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DocumentReminders> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    public const int ReminderDays = 5;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await DatabaseReadiness.WaitAsync(scopes, stoppingToken)) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await RunOnceAsync(stoppingToken); }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested) { log.LogWarning(ex, "Document reminders failed"); }
            try { await Task.Delay(Interval, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    public static string KeyPrefix(int programmeId, DateOnly due) => string.Create(CultureInfo.InvariantCulture, $"reminder:documents:{programmeId}:{due:yyyyMMdd}:");

    /// <summary>Queues the reminders due now; returns how many new mails were queued.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = AccessScope.System;
        var db = scope.ServiceProvider.GetRequiredService<StillasDb>();
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        var today = ProgrammePlanning.Today(clock);
        var due = await db.DocumentRequests.AsNoTracking()
            .Where(r => r.Status == DocumentStatus.Requested && r.DueDate >= today && r.DueDate <= today.AddDays(ReminderDays))
            // A paused, completed or cancelled programme reminds nobody.
            .Where(r => db.Programmes.Any(p => p.Id == r.ProgrammeId && p.Status == ProgrammeStatus.Active))
            .OrderBy(r => r.ProgrammeId).ThenBy(r => r.DueDate).ThenBy(r => r.Order).ThenBy(r => r.Id)
            .Select(r => new { r.ProgrammeId, r.SchoolId, r.OwnerId, r.DueDate, r.Title, School = db.Schools.Where(s => s.Id == r.SchoolId).Select(s => s.Name).First() })
            .ToListAsync(ct);
        var queued = 0;
        foreach (var group in due.GroupBy(r => (r.ProgrammeId, r.DueDate)))
        {
            var (programmeId, date) = group.Key;
            var first = group.First();
            var prefix = KeyPrefix(programmeId, date);
            var sent = (await db.Outbox.AsNoTracking().Where(m => m.IdempotencyKey != null && m.IdempotencyKey.StartsWith(prefix)).Select(m => m.IdempotencyKey!).ToListAsync(ct)).ToHashSet();
            var link = $"{db.MailBaseUrl.TrimEnd('/')}/Programmes/StartUp/Documents/{programmeId}";
            foreach (var p in await AgreementMail.SchoolSideAsync(db, first.SchoolId, ct))
            {
                var key = prefix + "p" + p.Id.ToString(CultureInfo.InvariantCulture);
                if (sent.Contains(key) || string.IsNullOrWhiteSpace(p.Email)) continue;
                using (Languages.Use(p.Language))
                    outbox.Enqueue(p.Email, p.Name,
                        L.T("Påminnelse: dokumenter til veilederteamet innen {0}", NorwegianTime.Date(date)),
                        string.Join("\n",
                            L.T("Hei!"), "",
                            L.T("Veilederteamet har bedt {0} om disse dokumentene innen {1}:", first.School, NorwegianTime.Date(date)),
                            string.Join("\n", group.Select(r => "- " + L.Data(r.Title))), "",
                            L.T("Last dem opp i Stillas: {0}", link), "",
                            L.T("Hilsen Stillas")),
                        idempotencyKey: key, ownerId: first.OwnerId);
                try
                {
                    await db.SaveChangesAsync(ct);
                    queued++;
                }
                catch (DbUpdateException)
                {
                    // Another instance queued it first: the unique key kept it to one.
                    db.ChangeTracker.Clear();
                }
            }
        }
        return queued;
    }
}

public static class DocumentReminderSetup
{
    public static IServiceCollection AddDocumentReminders(this IServiceCollection services)
    {
        services.AddSingleton<DocumentReminders>();
        services.AddHostedService(sp => sp.GetRequiredService<DocumentReminders>());
        return services;
    }
}
