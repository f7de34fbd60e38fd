using Stillas.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Audit;

namespace Stillas.Web.Features.Programmes.FuturePicture;

/// <summary>
/// Fremtidsbilde: the school's picture of where it wants to be in its development area, with signs of
/// good practice (seed 000 § 1, Fase 2). The school's leaders write it in dialogue with the team; every
/// save is a new <see cref="FuturePictureVersion"/>, never an overwrite, so anyone can see who changed
/// what and compare versions. One per programme.
/// </summary>
[Audited("Fremtidsbilde")]
public class FuturePicture : IInProgramme, IVersioned
{
    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public GuidanceProgramme? Programme { get; set; }
    // Stamped from the programme so the access filters need no join.
    public int OwnerId { get; set; }
    public int SchoolId { get; set; }
    public int TeamId { get; set; }
    /// <summary>The number of the newest version (0 before the first save).</summary>
    public int CurrentVersion { get; set; }
    /// <summary>Optimistic concurrency token: bumped on every save.</summary>
    public int Version { get; set; }
    public List<FuturePictureVersion> Versions { get; set; } = [];
    public List<FuturePictureComment> Comments { get; set; } = [];
}

/// <summary>One saved version of a future picture; versions are never changed after they are saved.</summary>
[Audited("Versjon av fremtidsbilde")]
[NotEdited("a stored version: a change is a new version")]
public class FuturePictureVersion : IProgrammeScoped
{
    public const int DevelopmentAreaMax = 2000;
    public const int TextMax = 20000;

    public int Id { get; set; }
    public int FuturePictureId { get; set; }
    public FuturePicture? FuturePicture { get; set; }
    public int OwnerId { get; set; }
    public int SchoolId { get; set; }
    public int TeamId { get; set; }
    public int Number { get; set; }
    /// <summary>Utviklingsområde: the area the school has chosen to develop.</summary>
    public string DevelopmentArea { get; set; } = "";
    /// <summary>The picture itself.</summary>
    public string Text { get; set; } = "";
    public int? AuthorPersonId { get; set; }
    public string AuthorName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string? ChangeNote { get; set; }
    public List<SignOfGoodPractice> Signs { get; set; } = [];
}

/// <summary>
/// Tegn på god praksis: one observable sign of the practice the school wants. The same sign keeps its
/// <see cref="StableKey"/> across versions, so the assessment days can observe against it and a
/// comparison can tell an edited sign from a new one.
/// </summary>
[Audited("Tegn på god praksis")]
[NotEdited("part of a stored version of the future picture")]
public class SignOfGoodPractice : IProgrammeScoped
{
    public const int TextMax = 500;

    public int Id { get; set; }
    public int FuturePictureVersionId { get; set; }
    public FuturePictureVersion? FuturePictureVersion { get; set; }
    public int OwnerId { get; set; }
    public int SchoolId { get; set; }
    public int TeamId { get; set; }
    /// <summary>1-based position in the list.</summary>
    public int Order { get; set; }
    public string Text { get; set; } = "";
    public Guid StableKey { get; set; }
}

/// <summary>A comment on a version of the future picture, by the team, the owner's staff or the school.</summary>
[Audited("Kommentar til fremtidsbilde")]
public class FuturePictureComment : IProgrammeScoped, IVersioned
{
    /// <summary>Concurrency token (IVersioned): stepped by every save, checked against the version a form or API call read.</summary>
    public int Version { get; set; }

    public const int TextMax = 4000;

    public int Id { get; set; }
    public int FuturePictureId { get; set; }
    public FuturePicture? FuturePicture { get; set; }
    /// <summary>The version the comment was written on.</summary>
    public int VersionNumber { get; set; }
    public int OwnerId { get; set; }
    public int SchoolId { get; set; }
    public int TeamId { get; set; }
    public int? AuthorPersonId { get; set; }
    public string AuthorName { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public bool Resolved { get; set; }
}

public sealed class FuturePictureConfiguration :
    IEntityTypeConfiguration<FuturePicture>, IEntityTypeConfiguration<FuturePictureVersion>,
    IEntityTypeConfiguration<SignOfGoodPractice>, IEntityTypeConfiguration<FuturePictureComment>
{
    public void Configure(EntityTypeBuilder<FuturePicture> b)
    {
        b.ToTable("FuturePictures");
        b.HasOne(f => f.Programme).WithMany().HasForeignKey(f => f.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(f => f.ProgrammeId).IsUnique();
        b.Property(f => f.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<FuturePictureVersion> b)
    {
        b.ToTable("FuturePictureVersions");
        b.Property(v => v.DevelopmentArea).HasMaxLength(FuturePictureVersion.DevelopmentAreaMax);
        b.Property(v => v.Text).HasMaxLength(FuturePictureVersion.TextMax);
        b.Property(v => v.AuthorName).HasMaxLength(200);
        b.Property(v => v.ChangeNote).HasMaxLength(500);
        b.HasOne(v => v.FuturePicture).WithMany(f => f.Versions).HasForeignKey(v => v.FuturePictureId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(v => new { v.FuturePictureId, v.Number }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<SignOfGoodPractice> b)
    {
        b.ToTable("SignsOfGoodPractice");
        b.Property(s => s.Text).HasMaxLength(SignOfGoodPractice.TextMax);
        b.HasOne(s => s.FuturePictureVersion).WithMany(v => v.Signs).HasForeignKey(s => s.FuturePictureVersionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.FuturePictureVersionId, s.Order });
        b.HasIndex(s => s.StableKey);
    }

    public void Configure(EntityTypeBuilder<FuturePictureComment> b)
    {
        b.ToTable("FuturePictureComments");
        b.Property(c => c.AuthorName).HasMaxLength(200);
        b.Property(c => c.Text).HasMaxLength(FuturePictureComment.TextMax);
        b.HasOne(c => c.FuturePicture).WithMany(f => f.Comments).HasForeignKey(c => c.FuturePictureId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.FuturePictureId, c.CreatedAt });
    }
}
