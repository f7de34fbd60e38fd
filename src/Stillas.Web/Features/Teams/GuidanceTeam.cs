using Stillas.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stillas.Web.Features.Owners;
using Stillas.Web.Features.People;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Audit;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Teams;

/// <summary>Veilederteam: owner representative + experienced school leader + UH representative (seed 000 § 1).</summary>
[Audited("Veilederteam")]
public class GuidanceTeam : IOwnerScoped, IVersioned
{
    /// <summary>Concurrency token (IVersioned): stepped by every save, checked against the version a form or API call read.</summary>
    public int Version { get; set; }

    public int Id { get; set; }
    public int OwnerId { get; set; }
    public SchoolOwner? Owner { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    /// <summary>Schools the team can guide per school year; seed 000 says 2–3.</summary>
    public int CapacityPerSchoolYear { get; set; } = 3;
    public bool Active { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public List<TeamMember> Members { get; set; } = [];
}

public enum TeamRole { DevelopmentAdvisor = 1, SchoolLeaderGuide = 2, UniversityGuide = 3 }

[Audited("Teammedlem")]
public class TeamMember : IOwnerScoped, IVersioned
{
    /// <summary>Concurrency token (IVersioned): stepped by every save, checked against the version a form or API call read.</summary>
    public int Version { get; set; }

    public int Id { get; set; }
    public int TeamId { get; set; }
    public GuidanceTeam? Team { get; set; }
    /// <summary>The team's owner, stamped so the access filter needs no join.</summary>
    public int OwnerId { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public TeamRole Role { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public static string RoleName(TeamRole role) => role switch
    {
        TeamRole.DevelopmentAdvisor => L.T("Utviklingsveileder (koordinator)"),
        TeamRole.SchoolLeaderGuide => L.T("Veileder med skolelederbakgrunn"),
        TeamRole.UniversityGuide => L.T("Veileder fra UH"),
        _ => role.ToString(),
    };
}

/// <summary>Training a team member has completed (seed 000: school assessment from Udir, guidance from UH).</summary>
[Audited("Opplæring")]
public class TrainingRecord : IOwnerScoped, IVersioned
{
    /// <summary>Concurrency token (IVersioned): stepped by every save, checked against the version a form or API call read.</summary>
    public int Version { get; set; }

    public int Id { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    /// <summary>The owner whose team the training was recorded for (scope of visibility).</summary>
    public int OwnerId { get; set; }
    public required string Title { get; set; }
    public string? Provider { get; set; }
    public DateOnly CompletedOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class GuidanceTeamConfiguration : IEntityTypeConfiguration<GuidanceTeam>, IEntityTypeConfiguration<TeamMember>, IEntityTypeConfiguration<TrainingRecord>
{
    public void Configure(EntityTypeBuilder<GuidanceTeam> b)
    {
        b.Property(t => t.Name).HasMaxLength(200);
        b.Property(t => t.Description).HasMaxLength(2000);
        b.HasOne(t => t.Owner).WithMany().HasForeignKey(t => t.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(t => new { t.OwnerId, t.Name });
    }

    public void Configure(EntityTypeBuilder<TeamMember> b)
    {
        b.HasOne(m => m.Team).WithMany(t => t.Members).HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(m => m.Person).WithMany(p => p.TeamMemberships).HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.TeamId, m.PersonId }).IsUnique();
        b.HasIndex(m => m.PersonId);
    }

    public void Configure(EntityTypeBuilder<TrainingRecord> b)
    {
        b.Property(t => t.Title).HasMaxLength(200);
        b.Property(t => t.Provider).HasMaxLength(200);
        b.HasOne(t => t.Person).WithMany().HasForeignKey(t => t.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(t => t.PersonId);
    }
}
