using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Audit;
using Stillas.Web.Platform.Data;

namespace Stillas.Web.Features.Programmes.Sessions;

/// <summary>
/// One round of the school's own process loop between two sessions (seed 000 § 5.3, "Kulepunkter for
/// skolebaserte prosesser"): the leadership prepares an agenda from the interim work and shares it with SKUT,
/// SKUT meets and decides, SKUT carries it into the staff meeting, and the staff's work is documented back
/// to SKUT, which plans the next round. The rounds belong to the interim work agreed at the session
/// <see cref="SessionId"/> (the agreement's points seed the first agenda). The school writes them (principal,
/// school leaders and SKUT members); the team reads them; the owner's staff outside the team see only the
/// state (dates and what is done), as the page shows it: it is the school's internal work, kept to those who
/// take part in the programme's conversation with the school.
/// </summary>
[Audited("Skolens prosess mellom veiledninger")]
public class SchoolLoopRound : IInProgramme, IVersioned
{
    /// <summary>Concurrency token (IVersioned): stepped by every save, checked against the version a form read.</summary>
    public int Version { get; set; }

    public int Id { get; set; }
    /// <summary>The session whose interim work this round carries out.</summary>
    public int SessionId { get; set; }
    public GuidanceSession? Session { get; set; }
    public int ProgrammeId { get; set; }
    public int OwnerId { get; set; }
    public int SchoolId { get; set; }
    public int TeamId { get; set; }
    /// <summary>1, 2, 3 … within the interim work.</summary>
    public int LoopRound { get; set; }
    /// <summary>The agenda for the SKUT meeting, prepared by the leadership from the interim work's points.</summary>
    [Redacted]
    public string SkutAgenda { get; set; } = "";
    /// <summary>The SKUT meeting's date (planned, or held once <see cref="SkutDecisions"/> is written).</summary>
    public DateOnly? SkutDate { get; set; }
    [Redacted]
    public string? SkutParticipants { get; set; }
    [Redacted]
    public string? SkutDecisions { get; set; }
    public DateOnly? StaffDate { get; set; }
    /// <summary>What the staff did in the staff meeting (or the other professional communities).</summary>
    [Redacted]
    public string? StaffWork { get; set; }
    /// <summary>The documentation that comes back to SKUT: a text, a file, or both.</summary>
    [Redacted]
    public string? Documentation { get; set; }
    public string? FileName { get; set; }
    public string? ContentType { get; set; }
    public long? Size { get; set; }
    public string? Sha256 { get; set; }
    public string? StoragePath { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedByName { get; set; }

    public bool SkutHeld => SkutDecisions is not null;
    public bool StaffHeld => StaffWork is not null;
    public bool Documented => Documentation is not null || StoragePath is not null;

    public const int TextMax = 4000;
    public const int MaxRounds = 12;
}

public sealed class SchoolLoopConfiguration : IEntityTypeConfiguration<SchoolLoopRound>
{
    public void Configure(EntityTypeBuilder<SchoolLoopRound> b)
    {
        b.ToTable("SchoolLoopRounds");
        foreach (var p in new[] { nameof(SchoolLoopRound.SkutAgenda), nameof(SchoolLoopRound.SkutParticipants), nameof(SchoolLoopRound.SkutDecisions),
                     nameof(SchoolLoopRound.StaffWork), nameof(SchoolLoopRound.Documentation) })
            b.Property(p).HasMaxLength(SchoolLoopRound.TextMax);
        b.Property(r => r.FileName).HasMaxLength(255);
        b.Property(r => r.ContentType).HasMaxLength(200);
        b.Property(r => r.Sha256).HasMaxLength(64);
        b.Property(r => r.StoragePath).HasMaxLength(500);
        b.Property(r => r.UpdatedByName).HasMaxLength(200);
        b.HasOne(r => r.Session).WithMany().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<GuidanceProgramme>().WithMany().HasForeignKey(r => r.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.SessionId, r.LoopRound }).IsUnique();
        b.HasIndex(r => r.ProgrammeId);
        b.Ignore(r => r.SkutHeld);
        b.Ignore(r => r.StaffHeld);
        b.Ignore(r => r.Documented);
    }
}

/// <summary>
/// Who writes the school's process loop: those who act for the school (principal, school leaders) and the
/// school's SKUT members. The scope knows a person's roles but not at which school each is held, so a SKUT
/// member is recognised here as a SKUT member with a role at the row's school; the page checks the membership
/// at that very school before it saves.
/// </summary>
public sealed class SchoolLoopWrites : IWriteRule
{
    public IEnumerable<Type> EntityTypes => [typeof(SchoolLoopRound)];

    public bool MayWrite(WriteContext w) => w.Entry.Entity is SchoolLoopRound r && !w.Deleted
        && (w.Can(Permission.ActForSchool) || (w.Scope.SchoolIds.Contains(r.SchoolId) && w.Scope.Roles.Contains(Role.SkutMember)));
}
