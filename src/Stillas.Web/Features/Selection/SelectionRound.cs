using Stillas.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stillas.Web.Features.Owners;
using Stillas.Web.Features.Schools;
using Stillas.Web.Features.Teams;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Audit;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Selection;

public enum RoundStatus { Open = 1, Closed = 2 }

/// <summary>
/// Utvalgsrunde (seed 000 § 1.2, § 2.1, § 3): the owner's choice of which schools are offered guidance
/// by a team in a coming school year. First talks are held in January and agreements signed by the end
/// of February of the year the cooperation starts, i.e. the spring before the school year begins.
/// </summary>
[Audited("Utvalgsrunde")]
public class SelectionRound : IOwnerScoped, IVersioned
{
    /// <summary>Concurrency token (IVersioned): stepped by every save, checked against the version a form or API call read.</summary>
    public int Version { get; set; }

    public int Id { get; set; }
    public int OwnerId { get; set; }
    public SchoolOwner? Owner { get; set; }
    /// <summary>"2027/28": the school year the guidance starts.</summary>
    public required string SchoolYear { get; set; }
    public required string Title { get; set; }
    /// <summary>Agreements signed by this date; by default the last day of February before the school year.</summary>
    public DateOnly AgreementDeadline { get; set; }
    public RoundStatus Status { get; set; } = RoundStatus.Open;
    public DateTimeOffset CreatedAt { get; set; }
    public List<SelectionCandidate> Candidates { get; set; } = [];

    public static string StatusName(RoundStatus s) => s switch
    {
        RoundStatus.Open => L.T("Åpen"),
        RoundStatus.Closed => L.T("Avsluttet"),
        _ => s.ToString(),
    };

    /// <summary>
    /// The title as shown: a title left as the default (<see cref="RoundInput.DefaultTitle"/>, stored in bokmål) in the
    /// reader's language, one typed by the owner as typed.
    /// </summary>
    public static string DisplayTitle(string title, string schoolYear) =>
        title == RoundInput.DefaultTitle(schoolYear) ? L.T("Utvalg av skoler til veiledning {0}", schoolYear) : title;
}

/// <summary>Where the reason for choosing a school comes from (seed 000 § 1.2: the quality report and the school's needs).</summary>
public enum ReasonSource { QualityReport = 1, SchoolRequest = 2, OwnerAssessment = 3, Other = 4 }

public enum CandidateDecision { Pending = 1, Offered = 2, Accepted = 3, Declined = 4, Postponed = 5 }

/// <summary>A school considered in a selection round: why, the first talk, the decision and the team that will guide.</summary>
[Audited("Kandidatskole")]
public class SelectionCandidate : IOwnerScoped, IVersioned
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public SelectionRound? Round { get; set; }
    /// <summary>The round's owner, stamped so the access filter needs no join.</summary>
    public int OwnerId { get; set; }
    /// <summary>
    /// The round's school year, copied: rounds are visible to the owner's staff only, while a school's
    /// leaders and the assigned team see the candidacy (and its year) without the round.
    /// </summary>
    public required string SchoolYear { get; set; }
    public int SchoolId { get; set; }
    public School? School { get; set; }
    public required string Reason { get; set; }
    public ReasonSource ReasonSource { get; set; } = ReasonSource.QualityReport;
    public DateOnly? FirstTalkDate { get; set; }
    public string? FirstTalkNotes { get; set; }
    public CandidateDecision Decision { get; set; } = CandidateDecision.Pending;
    public string? DecisionNote { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public int? TeamId { get; set; }
    public GuidanceTeam? Team { get; set; }
    /// <summary>Concurrency token: incremented on every save, so two people editing the notes never overwrite each other silently.</summary>
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>A decision that takes a place in the team's capacity for the school year.</summary>
    public static bool TakesCapacity(CandidateDecision d) => d is CandidateDecision.Offered or CandidateDecision.Accepted;

    public static string DecisionName(CandidateDecision d) => d switch
    {
        CandidateDecision.Pending => L.T("Ikke avgjort"),
        CandidateDecision.Offered => L.T("Tilbudt"),
        CandidateDecision.Accepted => L.T("Takket ja"),
        CandidateDecision.Declined => L.T("Takket nei"),
        CandidateDecision.Postponed => L.T("Utsatt"),
        _ => d.ToString(),
    };

    public static string SourceName(ReasonSource s) => s switch
    {
        ReasonSource.QualityReport => L.T("Kvalitetsmelding"),
        ReasonSource.SchoolRequest => L.T("Egen søknad"),
        ReasonSource.OwnerAssessment => L.T("Skoleeiers vurdering"),
        ReasonSource.Other => L.T("Annet"),
        _ => s.ToString(),
    };
}

public sealed class SelectionConfiguration : IEntityTypeConfiguration<SelectionRound>, IEntityTypeConfiguration<SelectionCandidate>
{
    public void Configure(EntityTypeBuilder<SelectionRound> b)
    {
        b.Property(r => r.SchoolYear).HasMaxLength(7);
        b.Property(r => r.Title).HasMaxLength(200);
        b.HasOne(r => r.Owner).WithMany().HasForeignKey(r => r.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.OwnerId, r.SchoolYear });
    }

    public void Configure(EntityTypeBuilder<SelectionCandidate> b)
    {
        b.Property(c => c.SchoolYear).HasMaxLength(7);
        b.Property(c => c.Reason).HasMaxLength(4000);
        b.Property(c => c.FirstTalkNotes).HasMaxLength(4000);
        b.Property(c => c.DecisionNote).HasMaxLength(2000);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasOne(c => c.Round).WithMany(r => r.Candidates).HasForeignKey(c => c.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(c => c.School).WithMany().HasForeignKey(c => c.SchoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.Team).WithMany().HasForeignKey(c => c.TeamId).OnDelete(DeleteBehavior.Restrict);
        // A school is a candidate once per round; its history across rounds is read by school.
        b.HasIndex(c => new { c.RoundId, c.SchoolId }).IsUnique();
        b.HasIndex(c => new { c.SchoolId, c.SchoolYear });
        // The capacity count: a team's places in a school year.
        b.HasIndex(c => new { c.TeamId, c.SchoolYear });
        b.HasIndex(c => c.OwnerId);
    }
}
