using Stillas.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Audit;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Programmes.StartUp;

public enum DocumentStatus
{
    Requested = 1,
    Delivered = 2,
    Approved = 3,
    NotRelevant = 4,
}

/// <summary>
/// A document the guidance team asks the school for in Fase 1 (seed 000 § 3.2), with a due date and
/// a status. The school answers by uploading one or more <see cref="StoredFile"/>s.
/// </summary>
[Audited("Dokumentforespørsel")]
public class DocumentRequest : IInProgramme, IVersioned
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
    public required string Title { get; set; }
    public string? Description { get; set; }
    public DateOnly DueDate { get; set; }
    public DocumentStatus Status { get; set; } = DocumentStatus.Requested;
    public int Order { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<StoredFile> Files { get; set; } = [];

    public bool IsOverdue(DateOnly today) => Status == DocumentStatus.Requested && DueDate < today;

    public static string StatusName(DocumentStatus status) => status switch
    {
        DocumentStatus.Requested => L.T("Etterspurt"),
        DocumentStatus.Delivered => L.T("Levert"),
        DocumentStatus.Approved => L.T("Godkjent"),
        DocumentStatus.NotRelevant => L.T("Ikke relevant"),
        _ => status.ToString(),
    };

    /// <summary>The documents the school sends in Fase 1 (seed 000 § 3.2).</summary>
    public static readonly (string Title, string Description)[] Fase1 =
    [
        ("Brukerundersøkelser", "Resultater fra Elevundersøkelsen, Foreldreundersøkelsen og andre brukerundersøkelser."),
        ("Ståstedsanalysen", "Skolens siste ståstedsanalyse."),
        ("Kvalitetsutviklingsplan", "Skolens plan for kvalitetsutvikling, med analyse og fremtidsbilde."),
        ("Lokale handlingsplaner", "Handlingsplaner skolen arbeider etter."),
        ("Oversikt over klasser og personal", "Klasser, elevtall og ansatte med funksjoner."),
        ("Ukeplaner/arbeidsplaner", "Noen eksempler fra ulike trinn."),
        ("Eksempler på timeplaner", "Timeplaner for noen klasser eller trinn."),
        ("Lokale læreplaner", "Skolens lokale læreplaner."),
        ("Refleksjonsnotat fra rektor", "Rektors refleksjoner om skolens praksis og utviklingsbehov."),
    ];

    /// <summary>The Fase 1 list for <paramref name="programme"/>, due on the plan's documents step or two weeks after the start.</summary>
    public static List<DocumentRequest> DefaultsFor(GuidanceProgramme programme, DateOnly? documentsStepDate)
    {
        var due = documentsStepDate ?? programme.StartDate.AddDays(14);
        return Fase1.Select((d, i) => new DocumentRequest
        {
            ProgrammeId = programme.Id,
            Title = d.Title, Description = d.Description, DueDate = due, Order = i + 1,
        }.PlaceIn(programme)).ToList();
    }
}

/// <summary>
/// An uploaded file. The bytes live outside wwwroot (<see cref="Platform.Files.FileStore"/>) under a
/// random name; this row holds the original (sanitised) name, the type found by looking at the
/// content, the size and the SHA-256 of the bytes.
/// </summary>
[Audited("Dokument")]
public class StoredFile : IProgrammeScoped, IVersioned
{
    /// <summary>Concurrency token (IVersioned): stepped by every save, checked against the version a form or API call read.</summary>
    public int Version { get; set; }

    public int Id { get; set; }
    public int RequestId { get; set; }
    public DocumentRequest? Request { get; set; }
    public int OwnerId { get; set; }
    public int SchoolId { get; set; }
    public int TeamId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    /// <summary>Relative to the file store's root: "{owner}/{random}".</summary>
    public required string StoragePath { get; set; }
    public int? UploadedByPersonId { get; set; }
    public required string UploadedByName { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}

public sealed class DocumentConfiguration : IEntityTypeConfiguration<DocumentRequest>, IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<DocumentRequest> b)
    {
        b.ToTable("DocumentRequests");
        b.Property(r => r.Title).HasMaxLength(200);
        b.Property(r => r.Description).HasMaxLength(1000);
        b.HasOne(r => r.Programme).WithMany().HasForeignKey(r => r.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.ProgrammeId, r.Order });
        b.HasIndex(r => new { r.SchoolId, r.DueDate });
        b.HasIndex(r => new { r.TeamId, r.DueDate });
    }

    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.ToTable("StoredFiles");
        b.Property(f => f.FileName).HasMaxLength(255);
        b.Property(f => f.ContentType).HasMaxLength(100);
        b.Property(f => f.Sha256).HasMaxLength(64);
        b.Property(f => f.StoragePath).HasMaxLength(200);
        b.Property(f => f.UploadedByName).HasMaxLength(200);
        b.HasOne(f => f.Request).WithMany(r => r.Files).HasForeignKey(f => f.RequestId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(f => f.RequestId);
        b.HasIndex(f => f.StoragePath).IsUnique();
    }
}
