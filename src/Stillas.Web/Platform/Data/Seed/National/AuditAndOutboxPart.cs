using System.Text.Json;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Audit;
using Stillas.Web.Platform.Mail;

namespace Stillas.Web.Platform.Data.Seed.National;

/// <summary>
/// The history the audit log and the mail outbox would hold: each programme's creation and every step
/// marked done (by the team's advisor), each agreement approval; mails sent (the start-up invitation and
/// document reminders, with their idempotency keys). Audit keys follow time, as the log pages by key.
/// </summary>
public sealed class AuditAndOutboxPart : IDatasetPart
{
    public string Name => "audit entries, outbox";

    public async Task WriteAsync(NationalDataset set, CancellationToken ct)
    {
        var audit = new List<AuditEntry>();
        var outbox = new List<OutboxMessage>();
        var people = set.People.ToDictionary(p => p.Id);
        string Json(Dictionary<string, string?[]> c) => JsonSerializer.Serialize(c);
        foreach (var p in set.Programmes)
        {
            var advisor = people[set.MembersByTeam[p.TeamId][0].PersonId];
            audit.Add(new AuditEntry
            {
                At = p.CreatedAt, ActorPersonId = advisor.Id, ActorName = advisor.Name, OwnerId = p.OwnerId, EntityType = nameof(GuidanceProgramme),
                EntityId = p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Action = AuditAction.Created,
                Changes = Json(new() { ["SchoolId"] = [null, p.SchoolId.ToString(System.Globalization.CultureInfo.InvariantCulture)], ["TeamId"] = [null, p.TeamId.ToString(System.Globalization.CultureInfo.InvariantCulture)], ["TemplateName"] = [null, p.TemplateName], ["StartDate"] = [null, p.StartDate.ToString("O", System.Globalization.CultureInfo.InvariantCulture)] }),
            });
            foreach (var s in p.Steps.Where(s => s.Status == StepStatus.Done))
                audit.Add(new AuditEntry
                {
                    At = s.DoneAt!.Value, ActorPersonId = advisor.Id, ActorName = advisor.Name, OwnerId = p.OwnerId, EntityType = nameof(PlanStep),
                    EntityId = s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Action = AuditAction.Updated,
                    Changes = Json(new() { ["Status"] = ["Planned", "Done"], ["DoneAt"] = [null, s.DoneAt.Value.ToString("O")] }),
                });

            var principal = set.Principals[p.SchoolId];
            var startUp = p.Steps.FirstOrDefault(s => s.Key == "fase1.startup");
            if (startUp is not null && startUp.Date < set.AsOf)
            {
                var sent = NationalDataset.At(startUp.Date.AddDays(-14), 8);
                outbox.Add(new OutboxMessage
                {
                    Id = set.NextLongId<OutboxMessage>(), ToAddress = principal.Email, ToName = principal.Name, Subject = "Invitasjon til oppstartsmøte",
                    TextBody = $"Hei {principal.Name}!\n\nVeilederteamet inviterer til oppstartsmøte {startUp.Date:dd.MM.yyyy}.\n\nHilsen {advisor.Name}",
                    IdempotencyKey = $"invite:startup:{p.Id}", CreatedAt = sent, DueAt = sent, Attempts = 1, SentAt = sent.AddSeconds(3),
                });
                var due = p.Steps.FirstOrDefault(s => s.Key == "fase1.documents")?.Date ?? startUp.Date;
                var remind = NationalDataset.At(due.AddDays(-3), 7);
                outbox.Add(new OutboxMessage
                {
                    Id = set.NextLongId<OutboxMessage>(), ToAddress = principal.Email, ToName = principal.Name, Subject = "Påminnelse: dokumenter til veilederteamet",
                    TextBody = $"Hei {principal.Name}!\n\nFristen for å sende dokumentene er {due:dd.MM.yyyy}.",
                    IdempotencyKey = $"reminder:documents:{p.Id}:{due:yyyy-MM-dd}", CreatedAt = remind, DueAt = remind, Attempts = 1, SentAt = remind.AddSeconds(2),
                });
            }
        }
        audit.Sort((a, b) => a.At.CompareTo(b.At));
        foreach (var a in audit) a.Id = set.NextLongId<AuditEntry>();
        set.Metrics["audit"] = audit.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await set.Writer.WriteAsync(audit, ct);
        await set.Writer.WriteAsync(outbox, ct);
    }
}
