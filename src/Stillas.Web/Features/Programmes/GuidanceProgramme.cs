using Stillas.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stillas.Web.Features.Owners;
using Stillas.Web.Features.Schools;
using Stillas.Web.Features.Teams;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Audit;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Programmes;

public enum ProgrammeStatus
{
    Active = 1,
    Paused = 2,
    Completed = 3,
    Cancelled = 4,
}

/// <summary>
/// Veiledningsforløp: one school's course with a guidance team, from first talk to follow-up (seed 000 § 1).
/// It keeps a snapshot of the model version it started with (<see cref="TemplateJson"/>), so a later
/// version of the model, or an owner's edit of its own model, never changes a running programme.
/// </summary>
[Audited("Veiledningsforløp")]
public class GuidanceProgramme : IInProgramme, IProgrammeResource, IVersioned
{
    /// <summary>Concurrency token (IVersioned): stepped by every save, checked against the version a form or API call read.</summary>
    public int Version { get; set; }

    int IInProgramme.ProgrammeId => Id;
    bool IProgrammeResource.IsActive => Status == ProgrammeStatus.Active;
    public int Id { get; set; }
    public int OwnerId { get; set; }
    public SchoolOwner? Owner { get; set; }
    public int SchoolId { get; set; }
    public School? School { get; set; }
    public int TeamId { get; set; }
    public GuidanceTeam? Team { get; set; }
    /// <summary>The school year the programme starts in, "2025/26" (<see cref="Platform.Calendar.SchoolYear"/>).</summary>
    public required string SchoolYear { get; set; }
    public required string TemplateKey { get; set; }
    public int TemplateVersion { get; set; }
    public required string TemplateName { get; set; }
    /// <summary>The model as it was when the programme started (<see cref="ProgrammeModelJson"/>).</summary>
    [NotAudited]
    public required string TemplateJson { get; set; }
    /// <summary>The start of Fase 1.</summary>
    public DateOnly StartDate { get; set; }
    public ProgrammeStatus Status { get; set; } = ProgrammeStatus.Active;
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The selection round's candidacy the programme was started from, if any; one programme per candidacy.</summary>
    public int? CandidacyId { get; set; }
    public Selection.SelectionCandidate? Candidacy { get; set; }
    public List<PlanStep> Steps { get; set; } = [];

    // The summary lists and start pages show, kept on the row so they read it without a subquery per
    // programme (see ProgrammeSummaries). Valid for SummaryDate only: "now" moves every day, and a
    // change to any step clears SummaryDate.
    /// <summary>The day the summary columns below were computed for; null when a step has changed since.</summary>
    public DateOnly? SummaryDate { get; set; }
    public int PhaseOrder { get; set; }
    public string? PhaseKey { get; set; }
    public string? PhaseName { get; set; }
    public string? NextStepTitle { get; set; }
    public DateOnly? NextStepDate { get; set; }
    /// <summary>The next step's id, kind and key, so a list links it to its work without reading the step (<see cref="StepLinks"/>).</summary>
    [NotAudited]
    public int? NextStepId { get; set; }
    [NotAudited]
    public StepKind? NextStepKind { get; set; }
    [NotAudited]
    public string? NextStepKey { get; set; }
    /// <summary>Steps still to do whose last day has passed (shown only while the programme is active).</summary>
    public int OverdueSteps { get; set; }

    public static string StatusName(ProgrammeStatus status) => status switch
    {
        ProgrammeStatus.Active => L.T("Aktivt"),
        ProgrammeStatus.Paused => L.T("Satt på pause"),
        ProgrammeStatus.Completed => L.T("Fullført"),
        ProgrammeStatus.Cancelled => L.T("Avbrutt"),
        _ => status.ToString(),
    };
}

/// <summary>A dated step of a programme's progress plan (fremdriftsplan), as it stands now.</summary>
[Audited("Steg i fremdriftsplan")]
public class PlanStep : IInProgramme, IVersioned
{
    /// <summary>Concurrency token (IVersioned): stepped by every save, checked against the version a form or API call read.</summary>
    public int Version { get; set; }

    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public GuidanceProgramme? Programme { get; set; }
    // Stamped from the programme so the access filters need no join.
    public int OwnerId { get; set; }
    public int SchoolId { get; set; }
    public int TeamId { get; set; }
    /// <summary>The model step it came from ("fase4.session1").</summary>
    public required string Key { get; set; }
    public required string Title { get; set; }
    public required string PhaseKey { get; set; }
    public required string PhaseName { get; set; }
    public StepKind Kind { get; set; }
    public StepResponsible Responsible { get; set; }
    public DateOnly Date { get; set; }
    /// <summary>The last day of a step of several days (assessment days); null for a one-day step.</summary>
    public DateOnly? EndDate { get; set; }
    /// <summary>The date the plan first gave; kept when the step is moved.</summary>
    public DateOnly OriginalDate { get; set; }
    public StepStatus Status { get; set; } = StepStatus.Planned;
    /// <summary>Who sees to it, in words ("Rektor og SKUT"), beside the responsible party.</summary>
    public string? ResponsibleNote { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
    public int? SessionNumber { get; set; }
    public int? Hours { get; set; }
    /// <summary>Position in the model's order.</summary>
    public int Order { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public DateOnly LastDay => EndDate ?? Date;

    public bool IsOpen => Status is StepStatus.Planned or StepStatus.Moved;
}

public sealed class GuidanceProgrammeConfiguration : IEntityTypeConfiguration<GuidanceProgramme>, IEntityTypeConfiguration<PlanStep>
{
    public void Configure(EntityTypeBuilder<GuidanceProgramme> b)
    {
        b.ToTable("Programmes");
        b.Property(p => p.SchoolYear).HasMaxLength(7);
        b.Property(p => p.TemplateKey).HasMaxLength(64);
        b.Property(p => p.TemplateName).HasMaxLength(200);
        b.HasOne(p => p.Owner).WithMany().HasForeignKey(p => p.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(p => p.School).WithMany().HasForeignKey(p => p.SchoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(p => p.Team).WithMany().HasForeignKey(p => p.TeamId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.OwnerId, p.SchoolYear });
        b.HasIndex(p => p.SchoolId);
        b.HasIndex(p => p.TeamId);
        // A candidacy removed from its round leaves the programme as it is, without the link (issue 20).
        b.HasOne(p => p.Candidacy).WithMany().HasForeignKey(p => p.CandidacyId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(p => p.CandidacyId).IsUnique();
        b.Property(p => p.PhaseKey).HasMaxLength(64);
        b.Property(p => p.PhaseName).HasMaxLength(200);
        b.Property(p => p.NextStepTitle).HasMaxLength(200);
        b.Property(p => p.NextStepKey).HasMaxLength(64);
        // The model snapshot (≈ 14 KB of JSON) is the table's last column: SQLite stores what does not fit in a
        // page in overflow pages and reads a row's columns in order, so every column after it (status, dates,
        // summary) cost four page reads per programme in every list. EF Core puts columns without an order
        // after those with one, so all get one: the key, the rest by name as EF would, the snapshot last.
        var order = 0;
        foreach (var property in b.Metadata.GetDeclaredProperties()
                     .OrderBy(p => p.IsPrimaryKey() ? 0 : p.Name == nameof(GuidanceProgramme.TemplateJson) ? 2 : 1)
                     .ThenBy(p => p.Name, StringComparer.Ordinal))
            property.SetColumnOrder(order++);
    }

    public void Configure(EntityTypeBuilder<PlanStep> b)
    {
        b.Property(s => s.Key).HasMaxLength(64);
        b.Property(s => s.Title).HasMaxLength(200);
        b.Property(s => s.PhaseKey).HasMaxLength(64);
        b.Property(s => s.PhaseName).HasMaxLength(100);
        b.Property(s => s.ResponsibleNote).HasMaxLength(200);
        b.Property(s => s.Note).HasMaxLength(2000);
        b.HasOne(s => s.Programme).WithMany(p => p.Steps).HasForeignKey(s => s.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.ProgrammeId, s.Key }).IsUnique();
        b.HasIndex(s => new { s.ProgrammeId, s.Date });
        // Start pages and calendar feeds: a team's, a school's, an owner's steps by date.
        b.HasIndex(s => new { s.TeamId, s.Date });
        b.HasIndex(s => new { s.SchoolId, s.Date });
        b.HasIndex(s => new { s.OwnerId, s.Date });
        b.Ignore(s => s.LastDay);
        b.Ignore(s => s.IsOpen);
    }
}
