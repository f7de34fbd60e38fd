using Stillas.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Audit;

namespace Stillas.Web.Features.Programmes.Assessment;

public enum NoteKind { Interview = 1, Observation = 2 }

public enum ReportStatus { Draft = 1, Final = 2, Presented = 3 }

public enum Audience { Leadership = 1, Staff = 2, ParentsCouncil = 3, PupilCouncil = 4, Other = 5 }

/// <summary>
/// One slot of the three assessment days (vurderingsdager, seed 000 § 3.3): when, what, who and where.
/// Made from the seed's template when the team plans the days; the team edits them freely.
/// </summary>
[Audited("Programpunkt på vurderingsdagene")]
public class AssessmentSlot : IInProgramme, IVersioned
{
    /// <summary>Concurrency token (IVersioned): stepped by every save, checked against the version a form or API call read.</summary>
    public int Version { get; set; }

    public const int TitleMax = 200;
    public const int TextMax = 300;

    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public GuidanceProgramme? Programme { get; set; }
    // Stamped from the programme so the access filters need no join.
    public int OwnerId { get; set; }
    public int SchoolId { get; set; }
    public int TeamId { get; set; }
    public DateOnly Date { get; set; }
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }
    public string Title { get; set; } = "";
    /// <summary>Who takes part ("Veilederteamet og 6–8 elever fra elevrådet").</summary>
    public string? Who { get; set; }
    public string? Where { get; set; }
    /// <summary>Whether the school's people take part (then it is in their calendar feed too).</summary>
    public bool SchoolTakesPart { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>What the school must arrange before the days (seed 000 § 2.3, § 3.1): a checklist with due dates.</summary>
[Audited("Skolens forberedelse til vurderingsdagene")]
public class AssessmentTask : IInProgramme, IVersioned
{
    /// <summary>Concurrency token (IVersioned): stepped by every save, checked against the version a form or API call read.</summary>
    public int Version { get; set; }

    public const int TitleMax = 300;

    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public GuidanceProgramme? Programme { get; set; }
    public int OwnerId { get; set; }
    public int SchoolId { get; set; }
    public int TeamId { get; set; }
    public string Title { get; set; } = "";
    public DateOnly DueDate { get; set; }
    public bool Done { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
    public string? DoneBy { get; set; }
    public int Order { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// A guide's interview or observation note. It may name pupils, parents and staff, so it is the team's
/// working material only: never shown to the school or the owner's staff, every read is audited, and it
/// is deleted when the report becomes final unless a guide keeps it (with a reason), and at the latest
/// when the owner's retention period has run out.
/// </summary>
[Audited("Notat fra vurderingsdagene", ReadName = "Notater fra vurderingsdagene (forløp)")]
public class AssessmentNote : IConfidential, IInProgramme, IVersioned
{
    /// <summary>Concurrency token (IVersioned): stepped by every save, checked against the version a form or API call read.</summary>
    public int Version { get; set; }

    public const int GroupMax = 200;
    public const int TextMax = 20000;
    public const int ReasonMax = 500;

    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public GuidanceProgramme? Programme { get; set; }
    public int OwnerId { get; set; }
    public int SchoolId { get; set; }
    public int TeamId { get; set; }
    /// <summary>Made by the browser for a new note, so an autosave that is retried never makes two notes.</summary>
    public Guid ClientKey { get; set; }
    public int? AuthorPersonId { get; set; }
    public string AuthorName { get; set; } = "";
    /// <summary>Who saved the note last (the author wrote it first; a colleague may have changed it since).</summary>
    public string? UpdatedByName { get; set; }
    public NoteKind Kind { get; set; }
    /// <summary>The interview group or the observed lesson/break ("Elever 7. trinn", "Friminutt").</summary>
    [Redacted]
    public string Group { get; set; } = "";
    [Redacted]
    public string Text { get; set; } = "";
    /// <summary>The stable keys of the signs of good practice the note is tagged with, comma-separated.</summary>
    public string SignKeys { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public bool Keep { get; set; }
    public string? KeepReason { get; set; }
    public string? KeptBy { get; set; }

    public IReadOnlyList<Guid> Signs => AssessmentRules.ParseKeys(SignKeys);
}

/// <summary>The assessment report (seed 000 § 3.3): per sign of good practice the findings and questions for reflection, and a summary.</summary>
[Audited("Vurderingsrapport")]
public class AssessmentReport : IInProgramme, IVersioned
{
    /// <summary>Concurrency token (IVersioned): stepped by every save, checked against the version a form or API call read.</summary>
    public int Version { get; set; }

    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public GuidanceProgramme? Programme { get; set; }
    public int OwnerId { get; set; }
    public int SchoolId { get; set; }
    public int TeamId { get; set; }
    public ReportStatus Status { get; set; } = ReportStatus.Draft;
    public DateTimeOffset? FinalAt { get; set; }
    public string? FinalBy { get; set; }
    /// <summary>When kept notes are deleted at the latest (final date + the owner's retention period).</summary>
    public DateOnly? NotesDeleteOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<ReportSection> Sections { get; set; } = [];
    public List<ReportPresentation> Presentations { get; set; } = [];
}

/// <summary>
/// One section of a report: a sign of good practice (or the summary). Each section is its own row with
/// its own version, so guides writing different sections at once never overwrite each other; a save on
/// a section someone else saved meanwhile is a conflict that shows both texts.
/// </summary>
public class ReportSection : IProgrammeScoped, IVersioned
{
    public const int FieldMax = 20000;

    public int Id { get; set; }
    public int ReportId { get; set; }
    public AssessmentReport? Report { get; set; }
    public int OwnerId { get; set; }
    public int SchoolId { get; set; }
    public int TeamId { get; set; }
    /// <summary>The sign's stable key; null for the summary.</summary>
    public Guid? SignKey { get; set; }
    public bool IsSummary { get; set; }
    public int Order { get; set; }
    /// <summary>The sign's text when the report was started.</summary>
    public string Title { get; set; } = "";
    public string Findings { get; set; } = "";
    public string WorksWell { get; set; } = "";
    public string ToDevelop { get; set; } = "";
    /// <summary>Questions for reflection, one per line.</summary>
    public string Questions { get; set; } = "";
    /// <summary>Optimistic concurrency token: the number of saves.</summary>
    public int Version { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    public List<ReportSectionVersion> Versions { get; set; } = [];

    public bool IsEmpty => IsSummary ? string.IsNullOrWhiteSpace(Findings)
        : string.IsNullOrWhiteSpace(Findings) && string.IsNullOrWhiteSpace(WorksWell) && string.IsNullOrWhiteSpace(ToDevelop) && string.IsNullOrWhiteSpace(Questions);
}

/// <summary>A saved version of a section: the report's history, never changed. The team's drafts: confidential.</summary>
[Audited("Versjon av avsnitt i vurderingsrapporten", ReadName = "Versjoner av avsnitt i vurderingsrapporten (lest)")]
[NotEdited("a stored version of a report section")]
public class ReportSectionVersion : IConfidential
{
    public int Id { get; set; }
    public int SectionId { get; set; }
    public ReportSection? Section { get; set; }
    public int OwnerId { get; set; }
    public int SchoolId { get; set; }
    public int TeamId { get; set; }
    public int Number { get; set; }
    [Redacted]
    public string Findings { get; set; } = "";
    [Redacted]
    public string WorksWell { get; set; } = "";
    [Redacted]
    public string ToDevelop { get; set; } = "";
    [Redacted]
    public string Questions { get; set; } = "";
    public string AuthorName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The report presented to an audience on a date (day 3: the leadership, then staff, FAU and elevråd).</summary>
[Audited("Framlegg av vurderingsrapport")]
public class ReportPresentation : IProgrammeScoped, IVersioned
{
    /// <summary>Concurrency token (IVersioned): stepped by every save, checked against the version a form or API call read.</summary>
    public int Version { get; set; }

    public int Id { get; set; }
    public int ReportId { get; set; }
    public AssessmentReport? Report { get; set; }
    public int OwnerId { get; set; }
    public int SchoolId { get; set; }
    public int TeamId { get; set; }
    public Audience Audience { get; set; }
    public DateOnly Date { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>An owner's rule for how long kept notes may live after the report is final.</summary>
[Audited("Lagringstid for notater")]
public class AssessmentSettings : IOwnerScoped, IVersioned
{
    /// <summary>Concurrency token (IVersioned): stepped by every save, checked against the version a form or API call read.</summary>
    public int Version { get; set; }

    public const int DefaultRetentionDays = 90;
    public const int MaxRetentionDays = 730;

    public int Id { get; set; }
    public int OwnerId { get; set; }
    public int NoteRetentionDays { get; set; } = DefaultRetentionDays;
}

public sealed class AssessmentConfiguration :
    IEntityTypeConfiguration<AssessmentSlot>, IEntityTypeConfiguration<AssessmentTask>, IEntityTypeConfiguration<AssessmentNote>,
    IEntityTypeConfiguration<AssessmentReport>, IEntityTypeConfiguration<ReportSection>, IEntityTypeConfiguration<ReportSectionVersion>,
    IEntityTypeConfiguration<ReportPresentation>, IEntityTypeConfiguration<AssessmentSettings>
{
    public void Configure(EntityTypeBuilder<AssessmentSlot> b)
    {
        b.ToTable("AssessmentSlots");
        b.Property(s => s.Title).HasMaxLength(AssessmentSlot.TitleMax);
        b.Property(s => s.Who).HasMaxLength(AssessmentSlot.TextMax);
        b.Property(s => s.Where).HasMaxLength(AssessmentSlot.TextMax);
        b.HasOne(s => s.Programme).WithMany().HasForeignKey(s => s.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.ProgrammeId, s.Date, s.Start });
        b.HasIndex(s => new { s.TeamId, s.Date });
        b.HasIndex(s => new { s.SchoolId, s.Date });
    }

    public void Configure(EntityTypeBuilder<AssessmentTask> b)
    {
        b.ToTable("AssessmentTasks");
        b.Property(t => t.Title).HasMaxLength(AssessmentTask.TitleMax);
        b.Property(t => t.DoneBy).HasMaxLength(200);
        b.HasOne(t => t.Programme).WithMany().HasForeignKey(t => t.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(t => new { t.ProgrammeId, t.Order });
    }

    public void Configure(EntityTypeBuilder<AssessmentNote> b)
    {
        b.ToTable("AssessmentNotes");
        b.Property(n => n.AuthorName).HasMaxLength(200);
        b.Property(n => n.UpdatedByName).HasMaxLength(200);
        b.Property(n => n.Group).HasMaxLength(AssessmentNote.GroupMax);
        b.Property(n => n.Text).HasMaxLength(AssessmentNote.TextMax);
        b.Property(n => n.SignKeys).HasMaxLength(2000);
        b.Property(n => n.KeepReason).HasMaxLength(AssessmentNote.ReasonMax);
        b.Property(n => n.KeptBy).HasMaxLength(200);
        b.HasOne(n => n.Programme).WithMany().HasForeignKey(n => n.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(n => new { n.ProgrammeId, n.UpdatedAt });
        b.HasIndex(n => n.ClientKey).IsUnique();
        b.Ignore(n => n.Signs);
    }

    public void Configure(EntityTypeBuilder<AssessmentReport> b)
    {
        b.ToTable("AssessmentReports");
        b.Property(r => r.FinalBy).HasMaxLength(200);
        b.HasOne(r => r.Programme).WithMany().HasForeignKey(r => r.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => r.ProgrammeId).IsUnique();
        b.HasIndex(r => r.NotesDeleteOn);
    }

    public void Configure(EntityTypeBuilder<ReportSection> b)
    {
        b.ToTable("AssessmentReportSections");
        b.Property(s => s.Title).HasMaxLength(1000);
        foreach (var f in new[] { nameof(ReportSection.Findings), nameof(ReportSection.WorksWell), nameof(ReportSection.ToDevelop), nameof(ReportSection.Questions) })
            b.Property(f).HasMaxLength(ReportSection.FieldMax);
        b.Property(s => s.UpdatedBy).HasMaxLength(200);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasOne(s => s.Report).WithMany(r => r.Sections).HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.ReportId, s.Order });
        b.Ignore(s => s.IsEmpty);
    }

    public void Configure(EntityTypeBuilder<ReportSectionVersion> b)
    {
        b.ToTable("AssessmentReportSectionVersions");
        foreach (var f in new[] { nameof(ReportSectionVersion.Findings), nameof(ReportSectionVersion.WorksWell), nameof(ReportSectionVersion.ToDevelop), nameof(ReportSectionVersion.Questions) })
            b.Property(f).HasMaxLength(ReportSection.FieldMax);
        b.Property(v => v.AuthorName).HasMaxLength(200);
        b.HasOne(v => v.Section).WithMany(s => s.Versions).HasForeignKey(v => v.SectionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(v => new { v.SectionId, v.Number }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<ReportPresentation> b)
    {
        b.ToTable("AssessmentReportPresentations");
        b.Property(p => p.Note).HasMaxLength(500);
        b.HasOne(p => p.Report).WithMany(r => r.Presentations).HasForeignKey(p => p.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => new { p.ReportId, p.Date });
    }

    public void Configure(EntityTypeBuilder<AssessmentSettings> b)
    {
        b.ToTable("AssessmentSettings");
        b.HasIndex(s => s.OwnerId).IsUnique();
        b.HasOne<Owners.SchoolOwner>().WithMany().HasForeignKey(s => s.OwnerId).OnDelete(DeleteBehavior.Cascade);
    }
}
