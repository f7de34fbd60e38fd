using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Audit;
using Stillas.Web.Platform.Data;

namespace Stillas.Web.Features.Programmes.FollowUp;

/// <summary>
/// Oppfølgingsmøtet (seed 000 § 3.2, Fase 6): the meeting with the school's leadership a year after the last
/// session, and its record: who took part, what has lasted, what has not, and the school's next steps. Saving it
/// with "Avslutt forløpet" marks the follow-up step done and completes the programme.
/// </summary>
[Audited("Oppfølgingsmøte")]
public class FollowUpMeeting : IInProgramme, IVersioned
{
    /// <summary>Concurrency token (IVersioned): stepped by every save, checked against the version a form read.</summary>
    public int Version { get; set; }

    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public int OwnerId { get; set; }
    public int SchoolId { get; set; }
    public int TeamId { get; set; }
    public DateOnly MeetingDate { get; set; }
    public string? Participants { get; set; }
    /// <summary>What has lasted: practice the school has kept since the guidance ended.</summary>
    public string? Lasted { get; set; }
    /// <summary>What has not lasted, and why.</summary>
    public string? NotLasted { get; set; }
    public string? NextSteps { get; set; }
    public string? RecordedByName { get; set; }
    public DateTimeOffset? RecordedAt { get; set; }
    /// <summary>When the record closed the programme ("Avslutt forløpet"), and by whom.</summary>
    public DateTimeOffset? ClosedProgrammeAt { get; set; }
    public string? ClosedProgrammeBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public const int TextMax = 4000;
}

public sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUpMeeting>
{
    public void Configure(EntityTypeBuilder<FollowUpMeeting> b)
    {
        b.ToTable("FollowUpMeetings");
        foreach (var p in new[] { nameof(FollowUpMeeting.Participants), nameof(FollowUpMeeting.Lasted), nameof(FollowUpMeeting.NotLasted), nameof(FollowUpMeeting.NextSteps) })
            b.Property(p).HasMaxLength(FollowUpMeeting.TextMax);
        b.Property(m => m.RecordedByName).HasMaxLength(200);
        b.Property(m => m.ClosedProgrammeBy).HasMaxLength(200);
        b.HasOne<GuidanceProgramme>().WithMany().HasForeignKey(m => m.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => m.ProgrammeId).IsUnique();
    }
}

/// <summary>
/// Who writes the follow-up record: those who run the programme (the team and the owner's staff), as they run
/// the meeting. The programme itself stays the owner administrator's (the guard's default), with one exception:
/// one who runs it completes it in the save that records the follow-up meeting with "Avslutt forløpet", the
/// plan's last step — the status and nothing else, from active to completed.
/// </summary>
public sealed class FollowUpWrites : IWriteRule
{
    public IEnumerable<Type> EntityTypes => [typeof(FollowUpMeeting), typeof(GuidanceProgramme)];

    public bool MayWrite(WriteContext w) => w.Entry.Entity switch
    {
        FollowUpMeeting => w.Can(Permission.RunProgramme),
        GuidanceProgramme p => w.Scope.IsAdminOf(p.OwnerId) || ClosesByFollowUp(w, p),
        _ => false,
    };

    private static readonly HashSet<string> StatusOnly = [nameof(GuidanceProgramme.Status)];

    private static bool ClosesByFollowUp(WriteContext w, GuidanceProgramme p) =>
        w.Modified && w.OnlyChanged(StatusOnly)
        && w.Original<ProgrammeStatus>(nameof(GuidanceProgramme.Status)) == ProgrammeStatus.Active && p.Status == ProgrammeStatus.Completed
        && Access.Allows(Permission.RunProgramme, w.Scope.RolesIn(p))
        && w.Entry.Context.ChangeTracker.Entries<FollowUpMeeting>().Any(m =>
            m.State is EntityState.Added or EntityState.Modified && m.Entity.ProgrammeId == p.Id && m.Entity.ClosedProgrammeAt is not null);
}
