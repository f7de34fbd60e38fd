using Stillas.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stillas.Web.Features.Owners;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Audit;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Schools;

public enum SchoolLevel { Barneskole = 1, Ungdomsskole = 2, Kombinert = 3, Videregaende = 4 }

[Audited("Skole")]
public class School : IOwnerScoped, IVersioned
{
    /// <summary>Concurrency token (IVersioned): stepped by every save, checked against the version a form or API call read.</summary>
    public int Version { get; set; }

    public int Id { get; set; }
    public int OwnerId { get; set; }
    public SchoolOwner? Owner { get; set; }
    public required string Name { get; set; }
    public required string OrganisationNumber { get; set; }
    public SchoolLevel Level { get; set; }
    /// <summary>First and last grade (trinn), 1–10 for grunnskole, 11–13 for vg1–vg3.</summary>
    public int FirstGrade { get; set; }
    public int LastGrade { get; set; }
    public int Pupils { get; set; }
    public bool Active { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }

    public string Grades => Level == SchoolLevel.Videregaende
        ? L.T("Vg{0}–Vg{1}", FirstGrade - 10, LastGrade - 10)
        : L.T("{0}.–{1}. trinn", FirstGrade, LastGrade);

    public static string LevelName(SchoolLevel level) => level switch
    {
        SchoolLevel.Barneskole => L.T("Barneskole"),
        SchoolLevel.Ungdomsskole => L.T("Ungdomsskole"),
        SchoolLevel.Kombinert => L.T("Kombinert skole (1–10)"),
        SchoolLevel.Videregaende => L.T("Videregående skole"),
        _ => level.ToString(),
    };

    /// <summary>Grade span a level allows (seed: grunnskole 1–10, videregående Vg1–Vg3 stored as 11–13).</summary>
    public static (int Min, int Max) GradeRange(SchoolLevel level) => level switch
    {
        SchoolLevel.Barneskole => (1, 7),
        SchoolLevel.Ungdomsskole => (8, 10),
        SchoolLevel.Kombinert => (1, 10),
        SchoolLevel.Videregaende => (11, 13),
        _ => (1, 13),
    };
}

public sealed class SchoolConfiguration : IEntityTypeConfiguration<School>
{
    public void Configure(EntityTypeBuilder<School> b)
    {
        b.Property(s => s.Name).HasMaxLength(200);
        b.Property(s => s.OrganisationNumber).HasMaxLength(9);
        b.HasIndex(s => s.OrganisationNumber).IsUnique();
        b.HasIndex(s => new { s.OwnerId, s.Name });
        b.HasOne(s => s.Owner).WithMany().HasForeignKey(s => s.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(s => s.Grades);
    }
}
