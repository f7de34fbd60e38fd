using Stillas.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stillas.Web.Platform.Audit;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Owners;

public enum OwnerKind { Kommune = 1, Fylkeskommune = 2, Privat = 3 }

/// <summary>Skoleeier: the legal owner of schools (DOMAIN.md glossary).</summary>
[Audited("Skoleeier")]
public class SchoolOwner : IVersioned
{
    /// <summary>Concurrency token (IVersioned): stepped by every save, checked against the version a form or API call read.</summary>
    public int Version { get; set; }

    public int Id { get; set; }
    public required string Name { get; set; }
    public required string OrganisationNumber { get; set; }
    public OwnerKind Kind { get; set; }
    public bool Active { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>
    /// Surveys (issue 21, part 7): results, free text and every breakdown show only for at least this many
    /// respondents. Default 5, never below 3.
    /// </summary>
    public int SurveyMinimumGroupSize { get; set; } = 5;

    public static string KindName(OwnerKind kind) => kind switch
    {
        OwnerKind.Kommune => L.T("Kommune"),
        OwnerKind.Fylkeskommune => L.T("Fylkeskommune"),
        OwnerKind.Privat => L.T("Privat skoleeier"),
        _ => kind.ToString(),
    };
}

public sealed class SchoolOwnerConfiguration : IEntityTypeConfiguration<SchoolOwner>
{
    public void Configure(EntityTypeBuilder<SchoolOwner> b)
    {
        b.Property(o => o.Name).HasMaxLength(200);
        b.Property(o => o.OrganisationNumber).HasMaxLength(9);
        b.HasIndex(o => o.OrganisationNumber).IsUnique();
        b.HasIndex(o => o.Name);
        b.Property(o => o.SurveyMinimumGroupSize).HasDefaultValue(5);
    }
}
