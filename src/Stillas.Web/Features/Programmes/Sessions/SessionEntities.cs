using Stillas.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Audit;

namespace Stillas.Web.Features.Programmes.Sessions;

/// <summary>
/// Veiledning: one 3-hour guidance session with the school's leadership (seed 000 § 3.4). Its date is
/// its plan step's date (<see cref="PlanStep"/>), so moving the step in the progress plan moves the
/// session; the session adds the time of day, the place or video link and who takes part.
/// </summary>
[Audited("Veiledning")]
public class GuidanceSession : IInProgramme, IVersioned
{
    /// <summary>Concurrency token (IVersioned): stepped by every save, checked against the version a form or API call read.</summary>
    public int Version { get; set; }

    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public int PlanStepId { get; set; }
    public PlanStep? PlanStep { get; set; }
    // Stamped from the programme so the access filters need no join.
    public int OwnerId { get; set; }
    public int SchoolId { get; set; }
    public int TeamId { get; set; }
    public int Number { get; set; }
    public TimeOnly StartTime { get; set; } = new(9, 0);
    public int Minutes { get; set; } = 180;
    public string? Place { get; set; }
    public string? VideoLink { get; set; }
    public string? Participants { get; set; }
    /// <summary>Where the school stands in the expansive learning cycle (1–7), as the team judged it in this session.</summary>
    public int? CycleStep { get; set; }
    public string? CycleNote { get; set; }
    /// <summary>The opening's agenda, drafted from open work ("Lag dagsorden", <see cref="SessionAgenda"/>) and edited by the team.</summary>
    public string? Agenda { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }

    public const int TextMax = 4000;
    public const int AgendaMax = 8000;
}

/// <summary>The four parts of a session (seed 000 § 3.4) that the team takes notes in.</summary>
public enum SessionPart { Opening = 1, Inquiry = 2, Closing = 3, Evaluation = 4 }

/// <summary>
/// One guide's notes for one part of a session. Notes are per author: two guides writing about the
/// same part at the same time each save into their own row, so an autosave can never overwrite a
/// colleague's text (no merge, no lost update); the page shows everybody's notes side by side.
/// Notes are the team's working material, said in trust (IConfidential): only the team's members read and
/// write them — not the school, not the owner's staff unless they are members, not the system administrator.
/// </summary>
[Audited("Notat fra veiledning", ReadName = "Notater fra veiledning (lest)")]
public class SessionNote : IConfidential, IVersioned
{
    /// <summary>Concurrency token (IVersioned): stepped by every save, checked against the version a form or API call read.</summary>
    public int Version { get; set; }

    public int Id { get; set; }
    public int SessionId { get; set; }
    public GuidanceSession? Session { get; set; }
    public int OwnerId { get; set; }
    public int SchoolId { get; set; }
    public int TeamId { get; set; }
    public SessionPart Part { get; set; }
    public int AuthorPersonId { get; set; }
    public required string AuthorName { get; set; }
    [Redacted]
    public string Text { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public const int TextMax = 20000;
}

public enum InterimWorkStatus { Draft = 0, Sent = 1, Superseded = 2 }

/// <summary>
/// Avtalt mellomarbeid (seed 000 § 5.2), agreed at the end of a session for the next one. One row per
/// version: the team edits a draft; "made final" sends it; editing a sent agreement makes a new
/// version that is sent again, and the old one is kept as <see cref="InterimWorkStatus.Superseded"/>.
/// </summary>
[Audited("Avtale om mellomarbeid")]
[VersionedBy(nameof(Revision))]
public class InterimWorkAgreement : IInProgramme, IVersioned
{
    /// <summary>Concurrency token (IVersioned; Version is the agreement's version number): stepped by every save.</summary>
    public int Revision { get; set; }

    public int Id { get; set; }
    public int SessionId { get; set; }
    public GuidanceSession? Session { get; set; }
    public int ProgrammeId { get; set; }
    public int OwnerId { get; set; }
    public int SchoolId { get; set; }
    public int TeamId { get; set; }
    public int Version { get; set; } = 1;
    public InterimWorkStatus Status { get; set; }
    /// <summary>The numbered interim-work points.</summary>
    public List<string> Points { get; set; } = [];
    public DateOnly FeedbackDeadline { get; set; }
    /// <summary>Date and time of the next session, as agreed (from the plan when made).</summary>
    public DateOnly? NextSessionDate { get; set; }
    public TimeOnly? NextSessionTime { get; set; }
    /// <summary>Oslo local date and time of the next session.</summary>
    public DateTime? NextSessionAt
    {
        get => NextSessionDate?.ToDateTime(NextSessionTime ?? new TimeOnly(9, 0));
        set { NextSessionDate = value is { } v ? DateOnly.FromDateTime(v) : null; NextSessionTime = value is { } t ? TimeOnly.FromDateTime(t) : null; }
    }
    public string? ReadingAssignment { get; set; }
    public string? NextTopic { get; set; }
    public string? SentByName { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
}

/// <summary>
/// The school's feedback on the interim work agreed at a session: how it worked on each point and the
/// topic it wants next. A draft until submitted; after the deadline it is still accepted and flagged late.
/// </summary>
[Audited("Tilbakemelding på mellomarbeid")]
public class InterimWorkFeedback : IProgrammeScoped, IVersioned
{
    /// <summary>Concurrency token (IVersioned): stepped by every save, checked against the version a form or API call read.</summary>
    public int Version { get; set; }

    public int Id { get; set; }
    public int SessionId { get; set; }
    public GuidanceSession? Session { get; set; }
    public int OwnerId { get; set; }
    public int SchoolId { get; set; }
    public int TeamId { get; set; }
    /// <summary>The school's status per point, in the order of the agreement's points.</summary>
    public List<string> PointStatus { get; set; } = [];
    public string? WishedTopic { get; set; }
    public string? SubmittedByName { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    /// <summary>Submitted after the feedback deadline (Oslo date), flagged to the team.</summary>
    public bool Late { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
}

/// <summary>The leadership's evaluation of a session (seed 000 § 3.4, Del 4): four questions and an optional 1–6 rating, one per person.</summary>
public class SessionEvaluation : IProgrammeScoped, IVersioned
{
    /// <summary>Concurrency token (IVersioned): stepped by every save, checked against the version a form or API call read.</summary>
    public int Version { get; set; }

    public int Id { get; set; }
    public int SessionId { get; set; }
    public GuidanceSession? Session { get; set; }
    public int OwnerId { get; set; }
    public int SchoolId { get; set; }
    public int TeamId { get; set; }
    public int PersonId { get; set; }
    public required string AuthorName { get; set; }
    public string? Clearer { get; set; }
    public string? TakeAway { get; set; }
    public string? Interest { get; set; }
    public string? Overall { get; set; }
    public int? Rating { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
}

/// <summary>
/// The evaluation after sessions 4 and 8 (seed 000 § 3.2): the principal's feedback, and the record of
/// the evaluation meeting (who took part, conclusions, adjustments to the model).
/// </summary>
[Audited("Fase-evaluering")]
public class PhaseEvaluation : IInProgramme, IVersioned
{
    /// <summary>Concurrency token (IVersioned): stepped by every save, checked against the version a form or API call read.</summary>
    public int Version { get; set; }

    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public int OwnerId { get; set; }
    public int SchoolId { get; set; }
    public int TeamId { get; set; }
    /// <summary>"fase4" or "fase5".</summary>
    public required string PhaseKey { get; set; }
    public string? WorkedWell { get; set; }
    public string? ToImprove { get; set; }
    public string? FeedbackOther { get; set; }
    public string? FeedbackByName { get; set; }
    public DateTimeOffset? FeedbackAt { get; set; }
    public DateOnly? MeetingDate { get; set; }
    public string? MeetingParticipants { get; set; }
    public string? Conclusions { get; set; }
    public string? ModelAdjustments { get; set; }
    public string? RecordedByName { get; set; }
    public DateTimeOffset? RecordedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class SessionConfiguration :
    IEntityTypeConfiguration<GuidanceSession>, IEntityTypeConfiguration<SessionNote>, IEntityTypeConfiguration<InterimWorkAgreement>,
    IEntityTypeConfiguration<InterimWorkFeedback>, IEntityTypeConfiguration<SessionEvaluation>, IEntityTypeConfiguration<PhaseEvaluation>
{
    public void Configure(EntityTypeBuilder<GuidanceSession> b)
    {
        b.ToTable("Sessions");
        b.Property(s => s.Place).HasMaxLength(200);
        b.Property(s => s.VideoLink).HasMaxLength(500);
        b.Property(s => s.Participants).HasMaxLength(GuidanceSession.TextMax);
        b.Property(s => s.CycleNote).HasMaxLength(GuidanceSession.TextMax);
        b.Property(s => s.Agenda).HasMaxLength(GuidanceSession.AgendaMax);
        b.HasOne(s => s.PlanStep).WithMany().HasForeignKey(s => s.PlanStepId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<GuidanceProgramme>().WithMany().HasForeignKey(s => s.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => s.PlanStepId).IsUnique();
        b.HasIndex(s => new { s.ProgrammeId, s.Number }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<SessionNote> b)
    {
        b.ToTable("SessionNotes");
        b.Property(n => n.AuthorName).HasMaxLength(200);
        b.Property(n => n.Text).HasMaxLength(SessionNote.TextMax);
        b.HasOne(n => n.Session).WithMany().HasForeignKey(n => n.SessionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(n => new { n.SessionId, n.Part, n.AuthorPersonId }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<InterimWorkAgreement> b)
    {
        b.ToTable("InterimWorkAgreements");
        b.Property(a => a.ReadingAssignment).HasMaxLength(GuidanceSession.TextMax);
        b.Property(a => a.NextTopic).HasMaxLength(1000);
        b.Property(a => a.SentByName).HasMaxLength(200);
        b.HasOne(a => a.Session).WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.SessionId, a.Version }).IsUnique();
        b.HasIndex(a => new { a.Status, a.FeedbackDeadline });
        // The start pages: the sent agreements of a person's few active programmes, by deadline.
        b.HasIndex(a => new { a.ProgrammeId, a.FeedbackDeadline });
        b.Ignore(a => a.NextSessionAt);
    }

    public void Configure(EntityTypeBuilder<InterimWorkFeedback> b)
    {
        b.ToTable("InterimWorkFeedback");
        b.Property(f => f.WishedTopic).HasMaxLength(1000);
        b.Property(f => f.SubmittedByName).HasMaxLength(200);
        b.HasOne(f => f.Session).WithMany().HasForeignKey(f => f.SessionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(f => f.SessionId).IsUnique();
    }

    public void Configure(EntityTypeBuilder<SessionEvaluation> b)
    {
        b.ToTable("SessionEvaluations");
        b.Property(e => e.AuthorName).HasMaxLength(200);
        foreach (var p in new[] { nameof(SessionEvaluation.Clearer), nameof(SessionEvaluation.TakeAway), nameof(SessionEvaluation.Interest), nameof(SessionEvaluation.Overall) })
            b.Property(p).HasMaxLength(GuidanceSession.TextMax);
        b.HasOne(e => e.Session).WithMany().HasForeignKey(e => e.SessionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => new { e.SessionId, e.PersonId }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<PhaseEvaluation> b)
    {
        b.ToTable("PhaseEvaluations");
        b.Property(e => e.PhaseKey).HasMaxLength(64);
        foreach (var p in new[] { nameof(PhaseEvaluation.WorkedWell), nameof(PhaseEvaluation.ToImprove), nameof(PhaseEvaluation.FeedbackOther),
                     nameof(PhaseEvaluation.MeetingParticipants), nameof(PhaseEvaluation.Conclusions), nameof(PhaseEvaluation.ModelAdjustments) })
            b.Property(p).HasMaxLength(GuidanceSession.TextMax);
        b.Property(e => e.FeedbackByName).HasMaxLength(200);
        b.Property(e => e.RecordedByName).HasMaxLength(200);
        b.HasOne<GuidanceProgramme>().WithMany().HasForeignKey(e => e.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => new { e.ProgrammeId, e.PhaseKey }).IsUnique();
    }
}
