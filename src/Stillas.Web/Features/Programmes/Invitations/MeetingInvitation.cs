using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Audit;
using Stillas.Web.Platform.Data;

namespace Stillas.Web.Features.Programmes.Invitations;

/// <summary>The meetings the programme's people are invited to by mail (seed 000 § 3.1–3.4).</summary>
public enum MeetingKind { StartUp = 1, AssessmentDays = 2, Session = 3 }

/// <summary>
/// What the last invitation to a meeting said: when, where, whether it was cancelled, and its SEQUENCE. One row
/// per meeting. A save that moves the meeting compares against it: a change sends an update with a higher
/// SEQUENCE (the same UID), a cancelled meeting a CANCEL, and an unchanged meeting nothing: each version goes
/// exactly once (the outbox's idempotency key holds the sequence and the person).
/// </summary>
[Audited("Møteinvitasjon")]
public class MeetingInvitation : IInProgramme, IVersioned
{
    /// <summary>Concurrency token (IVersioned): stepped by every save.</summary>
    public int Version { get; set; }

    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public int OwnerId { get; set; }
    public int SchoolId { get; set; }
    public int TeamId { get; set; }
    public MeetingKind Kind { get; set; }
    /// <summary>The session's id; the programme's id for the start-up meeting; the plan step's id for the assessment days.</summary>
    public int SourceId { get; set; }
    /// <summary>The iCalendar SEQUENCE of the last invitation sent.</summary>
    public int Sequence { get; set; }
    /// <summary>Oslo local start and end (an all-day meeting: midnight of its first day and of the day after its last).</summary>
    public DateTime Starts { get; set; }
    public DateTime Ends { get; set; }
    public bool AllDay { get; set; }
    public string? Location { get; set; }
    public bool Cancelled { get; set; }
    /// <summary>A digest of the session's agenda as it went out with the invitation (null: none went).</summary>
    public string? AgendaDigest { get; set; }
    public DateTimeOffset SentAt { get; set; }
    public int InvitedCount { get; set; }
    /// <summary>Those the meeting concerns who have no usable e-mail address, one name a line: listed on the page as not invited.</summary>
    public string? NotInvited { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class MeetingInvitationConfiguration : IEntityTypeConfiguration<MeetingInvitation>
{
    public void Configure(EntityTypeBuilder<MeetingInvitation> b)
    {
        b.ToTable("MeetingInvitations");
        b.Property(i => i.Location).HasMaxLength(500);
        b.Property(i => i.NotInvited).HasMaxLength(4000);
        b.Property(i => i.AgendaDigest).HasMaxLength(32);
        b.HasOne<GuidanceProgramme>().WithMany().HasForeignKey(i => i.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(i => new { i.Kind, i.SourceId }).IsUnique();
        b.HasIndex(i => i.ProgrammeId);
    }
}

/// <summary>
/// An invitation is written by the save that plans or moves the meeting, so whoever may do that writes it: those who
/// run the programme, and the school's leaders where they may move a step. Never deleted by a person.
/// </summary>
public sealed class MeetingInvitationWrites : WriteRule<MeetingInvitation>
{
    protected override bool MayWrite(WriteContext w, MeetingInvitation row) =>
        !w.Deleted && (w.Can(Permission.RunProgramme) || w.Can(Permission.ActForSchool));
}
