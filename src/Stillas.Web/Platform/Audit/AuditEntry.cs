using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stillas.Web.Features.Agreements;
using Stillas.Web.Features.Owners;
using Stillas.Web.Features.People;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Features.Schools;
using Stillas.Web.Features.Selection;
using Stillas.Web.Features.Teams;

namespace Stillas.Web.Platform.Audit;

public enum AuditAction { Created = 1, Updated = 2, Deleted = 3, Read = 4 }

/// <summary>Who did what to which record, when, with changed fields old → new (JSON).</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public int? ActorPersonId { get; set; }
    public required string ActorName { get; set; }
    public int? OwnerId { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public AuditAction Action { get; set; }
    public required string Changes { get; set; }

    public static string ActionName(AuditAction a) => a switch
    {
        AuditAction.Created => "Opprettet",
        AuditAction.Updated => "Endret",
        AuditAction.Deleted => "Slettet",
        AuditAction.Read => "Lest",
        _ => a.ToString(),
    };

    public static string EntityName(string type) => type switch
    {
        nameof(SchoolOwner) => "Skoleeier",
        nameof(School) => "Skole",
        nameof(Person) => "Person",
        nameof(Membership) => "Rolle",
        nameof(GuidanceTeam) => "Veilederteam",
        nameof(TeamMember) => "Teammedlem",
        nameof(TrainingRecord) => "Opplæring",
        nameof(SelectionRound) => "Utvalgsrunde",
        nameof(SelectionCandidate) => "Kandidatskole",
        nameof(GuidanceProgramme) => "Veiledningsforløp",
        nameof(PlanStep) => "Steg i fremdriftsplan",
        nameof(ProgrammeModel) => "Forløpsmodell",
        nameof(SchoolHolidayPeriod) => "Skoleferie",
        nameof(GuidanceAgreement) => "Samarbeidsavtale",
        nameof(AgreementVersion) => "Versjon av samarbeidsavtale",
        nameof(AgreementLine) => "Punkt i samarbeidsavtale",
        nameof(Features.Sessions.GuidanceSession) => "Veiledning",
        nameof(Features.Sessions.InterimWorkAgreement) => "Avtale om mellomarbeid",
        nameof(Features.Sessions.InterimWorkFeedback) => "Tilbakemelding på mellomarbeid",
        nameof(Features.Sessions.PhaseEvaluation) => "Fase-evaluering",
        nameof(Features.Assessment.AssessmentSlot) => "Programpunkt på vurderingsdagene",
        nameof(Features.Assessment.AssessmentTask) => "Skolens forberedelse til vurderingsdagene",
        nameof(Features.Assessment.AssessmentNote) => "Notat fra vurderingsdagene",
        Features.Assessment.AssessmentService.NoteReadEntity => "Notater fra vurderingsdagene (forløp)",
        nameof(Features.Assessment.AssessmentReport) => "Vurderingsrapport",
        nameof(Features.Assessment.ReportPresentation) => "Framlegg av vurderingsrapport",
        nameof(Features.Assessment.AssessmentSettings) => "Lagringstid for notater",
        _ => type,
    };

    public Dictionary<string, string?[]> ParsedChanges()
    {
        try { return JsonSerializer.Deserialize<Dictionary<string, string?[]>>(Changes) ?? []; }
        catch (JsonException) { return []; }
    }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.ActorName).HasMaxLength(200);
        b.Property(a => a.EntityType).HasMaxLength(100);
        b.Property(a => a.EntityId).HasMaxLength(40);
        // Paged by key, newest first, per owner.
        b.HasIndex(a => new { a.OwnerId, a.Id });
        b.HasIndex(a => new { a.EntityType, a.EntityId });
    }
}

public static class AuditPolicy
{
    private static readonly HashSet<Type> Audited =
        [typeof(SchoolOwner), typeof(School), typeof(Person), typeof(Membership), typeof(GuidanceTeam), typeof(TeamMember), typeof(TrainingRecord),
         typeof(SelectionRound), typeof(SelectionCandidate),
         typeof(GuidanceProgramme), typeof(PlanStep), typeof(ProgrammeModel), typeof(SchoolHolidayPeriod),
         typeof(Features.StartUp.StartUpMeeting), typeof(Features.StartUp.AgendaItem), typeof(Features.Documents.DocumentRequest), typeof(Features.Documents.StoredFile),

         typeof(Features.FuturePicture.FuturePicture), typeof(Features.FuturePicture.FuturePictureVersion), typeof(Features.FuturePicture.SignOfGoodPractice), typeof(Features.FuturePicture.FuturePictureComment),

         typeof(GuidanceAgreement), typeof(AgreementVersion), typeof(AgreementLine),
         typeof(Features.Sessions.GuidanceSession), typeof(Features.Sessions.InterimWorkAgreement), typeof(Features.Sessions.InterimWorkFeedback), typeof(Features.Sessions.PhaseEvaluation),
         typeof(Features.Assessment.AssessmentSlot), typeof(Features.Assessment.AssessmentTask), typeof(Features.Assessment.AssessmentNote),
         typeof(Features.Assessment.AssessmentReport), typeof(Features.Assessment.ReportPresentation), typeof(Features.Assessment.AssessmentSettings)];

    // What a note says may name pupils, parents and staff: the log tells that it changed, not what it says.
    private static readonly HashSet<(Type, string)> Redacted =
        [(typeof(Features.Assessment.AssessmentNote), nameof(Features.Assessment.AssessmentNote.Text)),
         (typeof(Features.Assessment.AssessmentNote), nameof(Features.Assessment.AssessmentNote.Group))];

    public const string RedactedValue = "(skjult)";

    // A model's JSON is long and unreadable as a change: its version and name say what changed.
    private static readonly HashSet<string> Omitted = [nameof(GuidanceProgramme.TemplateJson), nameof(ProgrammeModel.Json)];

    public static bool IsAudited(Type type) => Audited.Contains(type);

    /// <summary>Changed scalar properties as name → [old, new], stringified.</summary>
    public static Dictionary<string, object?[]> Changes(EntityEntry entry)
    {
        var result = new Dictionary<string, object?[]>();
        foreach (var p in entry.Properties)
        {
            if (p.Metadata.IsPrimaryKey() && entry.State != EntityState.Deleted) continue;
            if (Omitted.Contains(p.Metadata.Name)) continue;
            if (Redacted.Contains((entry.Metadata.ClrType, p.Metadata.Name)))
            {
                var changed = entry.State != EntityState.Modified || (p.IsModified && !Equals(p.OriginalValue, p.CurrentValue));
                if (changed) result[p.Metadata.Name] = [entry.State == EntityState.Added ? null : RedactedValue, entry.State == EntityState.Deleted ? null : RedactedValue];
                continue;
            }
            switch (entry.State)
            {
                case EntityState.Added:
                    if (p.CurrentValue is not null) result[p.Metadata.Name] = [null, Str(p.CurrentValue)];
                    break;
                case EntityState.Deleted:
                    result[p.Metadata.Name] = [Str(p.OriginalValue), null];
                    break;
                case EntityState.Modified:
                    if (p.IsModified && !Equals(p.OriginalValue, p.CurrentValue))
                        result[p.Metadata.Name] = [Str(p.OriginalValue), Str(p.CurrentValue)];
                    break;
            }
        }
        return result;
    }

    private static string? Str(object? v) => v switch
    {
        null => null,
        DateTimeOffset d => d.ToString("O"),
        // A list of texts (the points of an interim-work agreement) reads as its items.
        IEnumerable<string> items => string.Join(" | ", items),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => v.ToString(),
    };
}
