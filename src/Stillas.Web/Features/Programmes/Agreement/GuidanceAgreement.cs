using Stillas.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Audit;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Programmes.Agreement;

/// <summary>
/// Samarbeidsavtale: the agreement that starts a programme (seed 000 § 2, signed by the end of February).
/// The text lives in numbered <see cref="AgreementVersion"/>s; one version is in force
/// (<see cref="CurrentVersion"/>), and a change after approval is a new version that both sides approve again.
/// </summary>
[Audited("Samarbeidsavtale")]
public class GuidanceAgreement : IInProgramme, IVersioned
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
    /// <summary>The number of the version in force; 0 until a version is approved by both sides.</summary>
    public int CurrentVersion { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<AgreementVersion> Versions { get; set; } = [];
}

public enum AgreementStatus
{
    /// <summary>Being written; nobody has approved it.</summary>
    Draft = 1,
    /// <summary>One side has approved; waiting for the other.</summary>
    AwaitingApproval = 2,
    /// <summary>Approved by both sides; in force until a later version is approved.</summary>
    Approved = 3,
    /// <summary>Replaced by a later approved version.</summary>
    Superseded = 4,
}

/// <summary>One wording of an agreement. Only the newest version, while not yet approved, is edited.</summary>
[Audited("Versjon av samarbeidsavtale")]
public class AgreementVersion : IProgrammeScoped, IVersioned
{
    public int Id { get; set; }
    public int AgreementId { get; set; }
    public GuidanceAgreement? Agreement { get; set; }
    public int OwnerId { get; set; }
    public int SchoolId { get; set; }
    public int TeamId { get; set; }
    public int Number { get; set; }
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }
    /// <summary>Utviklingsområdet; null when it is to be chosen at the start-up meeting (seed 000 § 3.1).</summary>
    public string? DevelopmentArea { get; set; }
    /// <summary>The parties in words: owner, school, team and its members (a generated default, editable).</summary>
    public required string Parties { get; set; }
    public List<AgreementLine> Lines { get; set; } = [];

    public string? OwnerApprovedBy { get; set; }
    public int? OwnerApprovedById { get; set; }
    public DateTimeOffset? OwnerApprovedAt { get; set; }
    public string? PrincipalApprovedBy { get; set; }
    public int? PrincipalApprovedById { get; set; }
    public DateTimeOffset? PrincipalApprovedAt { get; set; }

    public AgreementStatus Status { get; set; } = AgreementStatus.Draft;
    /// <summary>Concurrency token: incremented on every save; a save from an older reading is refused.</summary>
    public int Version { get; set; }
    public string? UpdatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public bool IsOpen => Status is AgreementStatus.Draft or AgreementStatus.AwaitingApproval;

    public static string StatusName(AgreementStatus status) => status switch
    {
        AgreementStatus.Draft => L.T("Utkast"),
        AgreementStatus.AwaitingApproval => L.T("Venter på godkjenning"),
        AgreementStatus.Approved => L.T("Godkjent"),
        AgreementStatus.Superseded => L.T("Erstattet"),
        _ => status.ToString(),
    };
}

public enum AgreementSection
{
    OwnerSectionLeader = 1,
    OwnerDevelopmentAdvisor = 2,
    Guides = 3,
    SchoolLeadership = 4,
    SchoolStructures = 5,
}

/// <summary>One checkable commitment of a version (seed 000 § 2: "Ansvar").</summary>
[Audited("Punkt i samarbeidsavtale")]
[VersionedWith(typeof(AgreementVersion))]
public class AgreementLine : IProgrammeScoped
{
    public int Id { get; set; }
    public int VersionId { get; set; }
    public AgreementVersion? AgreementVersion { get; set; }
    public int OwnerId { get; set; }
    public int SchoolId { get; set; }
    public int TeamId { get; set; }
    /// <summary>The same commitment across versions keeps its key, so versions can be compared line by line.</summary>
    public required string Key { get; set; }
    public AgreementSection Section { get; set; }
    public required string Text { get; set; }
    public bool Checked { get; set; }
    public int Order { get; set; }
}

public sealed class GuidanceAgreementConfiguration :
    IEntityTypeConfiguration<GuidanceAgreement>, IEntityTypeConfiguration<AgreementVersion>, IEntityTypeConfiguration<AgreementLine>
{
    public const int DevelopmentAreaMax = 2000;
    public const int PartiesMax = 4000;
    public const int LineTextMax = 1000;

    public void Configure(EntityTypeBuilder<GuidanceAgreement> b)
    {
        b.ToTable("Agreements");
        b.HasOne(a => a.Programme).WithMany().HasForeignKey(a => a.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => a.ProgrammeId).IsUnique();
        b.HasIndex(a => a.OwnerId);
        b.HasIndex(a => a.SchoolId);
        b.HasIndex(a => a.TeamId);
    }

    public void Configure(EntityTypeBuilder<AgreementVersion> b)
    {
        b.ToTable("AgreementVersions");
        b.Property(v => v.DevelopmentArea).HasMaxLength(DevelopmentAreaMax);
        b.Property(v => v.Parties).HasMaxLength(PartiesMax);
        b.Property(v => v.OwnerApprovedBy).HasMaxLength(200);
        b.Property(v => v.PrincipalApprovedBy).HasMaxLength(200);
        b.Property(v => v.UpdatedBy).HasMaxLength(200);
        b.Property(v => v.Version).IsConcurrencyToken();
        b.HasOne(v => v.Agreement).WithMany(a => a.Versions).HasForeignKey(v => v.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(v => new { v.AgreementId, v.Number }).IsUnique();
        b.Ignore(v => v.IsOpen);
    }

    public void Configure(EntityTypeBuilder<AgreementLine> b)
    {
        b.ToTable("AgreementLines");
        b.Property(l => l.Key).HasMaxLength(32);
        b.Property(l => l.Text).HasMaxLength(LineTextMax);
        b.HasOne(l => l.AgreementVersion).WithMany(v => v.Lines).HasForeignKey(l => l.VersionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(l => new { l.VersionId, l.Section, l.Order });
    }
}
