using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stillas.Web.Features.Owners;
using Stillas.Web.Features.Schools;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Audit;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Indicators;

/// <summary>The three areas of the ståstedsanalyse's first phase: what the school has, how pupils are, what they learn.</summary>
public enum IndicatorArea { Resources = 1, LearningEnvironment = 2, LearningResults = 3 }

/// <summary>The statistics exports Udir publishes, each with its own columns (a column mapping is saved per kind).</summary>
public enum ExportKind { NationalTests = 1, PupilSurvey = 2, Completion = 3, Marks = 4, PointsTotal = 5, Resources = 6 }

/// <summary>Where a value belongs: one school, the owner (kommune or fylkeskommune), the county as published, or the nation.</summary>
public enum IndicatorLevel { School = 1, Owner = 2, County = 3, Nation = 4 }

/// <summary>
/// What a cell said: a value; '*' = skjermet (too few pupils, never a number, never in an average or trend);
/// '-' = mangler (the file says there is none). An empty cell is not stored at all: absent ≠ suppressed.
/// </summary>
public enum ValueStatus { Value = 1, Suppressed = 2, Missing = 3 }

/// <summary>
/// One of Udir's quality indicators as Stillas explains it: the scale and the reading are written for Stillas,
/// not copied; the figures are Udir's (NLOD, "Kilde: Utdanningsdirektoratet"). A small catalogue ships with the
/// schema (<see cref="IndicatorCatalogue"/>); nobody edits it through the application.
/// </summary>
[NotEdited("the catalogue ships with the schema (HasData in the migration); no person edits it")]
public class Indicator
{
    public int Id { get; set; }
    /// <summary>Stable code, e.g. "EU_TRIVSEL".</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public IndicatorArea Area { get; set; }
    public ExportKind Kind { get; set; }
    /// <summary>"skalapoeng", "prosent" …, as shown beside a value.</summary>
    public required string Unit { get; set; }
    public required string ScaleExplanation { get; set; }
    public required string Interpretation { get; set; }
    /// <summary>Whether a higher value is the better one (mobbing: no). Used for the reading text only, never to rank.</summary>
    public bool HigherIsBetter { get; set; } = true;
    /// <summary>Names the export uses for it ('|'-separated), matched without case.</summary>
    public string Aliases { get; set; } = "";
    public int Order { get; set; }
    public const string Source = "Utdanningsdirektoratet";
    public const string Credit = "Kilde: Utdanningsdirektoratet";

    public static string AreaName(IndicatorArea area) => area switch
    {
        IndicatorArea.Resources => L.T("Ressurser"),
        IndicatorArea.LearningEnvironment => L.T("Læringsmiljø"),
        IndicatorArea.LearningResults => L.T("Læringsresultater"),
        _ => area.ToString(),
    };

    public static string KindName(ExportKind kind) => kind switch
    {
        ExportKind.NationalTests => L.T("Nasjonale prøver"),
        ExportKind.PupilSurvey => L.T("Elevundersøkelsen"),
        ExportKind.Completion => L.T("Gjennomføring"),
        ExportKind.Marks => L.T("Karakterer"),
        ExportKind.PointsTotal => L.T("Grunnskolepoeng"),
        ExportKind.Resources => L.T("Ressurser (GSI)"),
        _ => kind.ToString(),
    };

    public static string LevelName(IndicatorLevel level) => level switch
    {
        IndicatorLevel.School => L.T("Skole"),
        IndicatorLevel.Owner => L.T("Skoleeier"),
        IndicatorLevel.County => L.T("Fylket"),
        IndicatorLevel.Nation => L.T("Nasjonalt"),
        _ => level.ToString(),
    };
}

public sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> b)
    {
        b.ToTable("Indicators");
        b.Property(i => i.Code).HasMaxLength(40);
        b.Property(i => i.Name).HasMaxLength(200);
        b.Property(i => i.Unit).HasMaxLength(60);
        b.Property(i => i.ScaleExplanation).HasMaxLength(2000);
        b.Property(i => i.Interpretation).HasMaxLength(4000);
        b.Property(i => i.Aliases).HasMaxLength(1000);
        b.HasIndex(i => i.Code).IsUnique();
        b.HasData(IndicatorCatalogue.All);
    }
}

/// <summary>The built-in catalogue: nobody writes indicators through the application (they ship with the schema).</summary>
public sealed class IndicatorWrites() : NoWrite(typeof(Indicator));

/// <summary>
/// One figure from an import: for a school, the owner, a county or the nation, a school year (its start year) and
/// filters (trinn, kjønn). Owner-scoped (the owner whose administrator imported it) and seen by everyone at the owner.
/// Values are never edited: a re-import of a year adds a new version and marks the earlier one not current.
/// </summary>
[OwnerAudience(OwnerAudience.Everyone)]
[NotEdited("imported figures are written once; a re-import adds a new version and marks the old one superseded in the same transaction")]
public class IndicatorValue : IOwnerScoped
{
    public int Id { get; set; }
    public int OwnerId { get; set; }
    public int ImportId { get; set; }
    public int IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }
    public IndicatorLevel Level { get; set; }
    /// <summary>As published ("" for the nation).</summary>
    public string OrganisationNumber { get; set; } = "";
    /// <summary>The unit's name as published (a county keeps the name it had that year).</summary>
    public string UnitName { get; set; } = "";
    /// <summary>The school it resolved to (level School).</summary>
    public int? SchoolId { get; set; }
    /// <summary>The school year's start year: 2025 for 2025–26.</summary>
    public int SchoolYear { get; set; }
    /// <summary>The trinn filter (1–10, Vg1–Vg3 as 11–13); null = all.</summary>
    public int? Grade { get; set; }
    /// <summary>"" = both, "gutter", "jenter".</summary>
    public string Gender { get; set; } = "";
    public ValueStatus Status { get; set; }
    public decimal? Value { get; set; }
    public int? Numerator { get; set; }
    public int? Denominator { get; set; }
    /// <summary>The series is not comparable with the year before (a new test, a changed question).</summary>
    public bool SeriesBreak { get; set; }
    public string? SeriesBreakNote { get; set; }
    /// <summary>False once a later import of the same kind and year replaced it (kept as the previous version).</summary>
    public bool Current { get; set; } = true;
}

public sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> b)
    {
        b.ToTable("IndicatorValues");
        b.Property(v => v.OrganisationNumber).HasMaxLength(20);
        b.Property(v => v.UnitName).HasMaxLength(200);
        b.Property(v => v.Gender).HasMaxLength(10);
        b.Property(v => v.SeriesBreakNote).HasMaxLength(500);
        b.Property(v => v.Value).HasPrecision(12, 3);
        b.HasOne(v => v.Indicator).WithMany().HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SchoolOwner>().WithMany().HasForeignKey(v => v.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<School>().WithMany().HasForeignKey(v => v.SchoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<IndicatorImport>().WithMany().HasForeignKey(v => v.ImportId).OnDelete(DeleteBehavior.Restrict);
        // The trend page: one owner's current values of a few years, by level.
        b.HasIndex(v => new { v.OwnerId, v.Current, v.SchoolYear, v.Level });
        b.HasIndex(v => new { v.SchoolId, v.Current });
        b.HasIndex(v => v.ImportId);
    }
}

/// <summary>One imported file (or one run of the open statistics API): who, when, what kind, its content hash.</summary>
[Audited("Indikatorimport")]
[NotEdited("an import is a record of what happened; nothing about it changes afterwards")]
public class IndicatorImport : IOwnerScoped
{
    public int Id { get; set; }
    public int OwnerId { get; set; }
    public ExportKind Kind { get; set; }
    public required string FileName { get; set; }
    /// <summary>SHA-256 of the file's bytes: the same file twice changes nothing.</summary>
    public required string ContentHash { get; set; }
    /// <summary>The stored file (FileStore), kept as the source of this version.</summary>
    public string? StoragePath { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public int? ImportedById { get; set; }
    public string ImportedByName { get; set; } = "";
    public int ValueCount { get; set; }
    public int SuppressedCount { get; set; }
    public int MissingCount { get; set; }
    /// <summary>The school years in the file, e.g. "2021,2022,2023".</summary>
    public string SchoolYears { get; set; } = "";
}

public sealed class IndicatorImportConfiguration : IEntityTypeConfiguration<IndicatorImport>
{
    public void Configure(EntityTypeBuilder<IndicatorImport> b)
    {
        b.ToTable("IndicatorImports");
        b.Property(i => i.FileName).HasMaxLength(260);
        b.Property(i => i.ContentHash).HasMaxLength(64);
        b.Property(i => i.StoragePath).HasMaxLength(300);
        b.Property(i => i.ImportedByName).HasMaxLength(200);
        b.Property(i => i.SchoolYears).HasMaxLength(200);
        b.HasOne<SchoolOwner>().WithMany().HasForeignKey(i => i.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => new { i.OwnerId, i.ContentHash });
    }
}

/// <summary>
/// The owner's column names for one export kind, saved when an import with them is confirmed; an empty name means
/// Stillas's defaults (Udir's usual names and common variants).
/// </summary>
[Audited("Kolonneoppsett for indikatorimport")]
public class IndicatorColumnMapping : IOwnerScoped, IVersioned
{
    public int Version { get; set; }
    public int Id { get; set; }
    public int OwnerId { get; set; }
    public ExportKind Kind { get; set; }
    public string? OrganisationNumber { get; set; }
    public string? UnitName { get; set; }
    public string? Level { get; set; }
    public string? SchoolYear { get; set; }
    public string? Indicator { get; set; }
    public string? Grade { get; set; }
    public string? Gender { get; set; }
    public string? Value { get; set; }
    public string? Numerator { get; set; }
    public string? Denominator { get; set; }
    public string? SeriesBreak { get; set; }
}

public sealed class IndicatorColumnMappingConfiguration : IEntityTypeConfiguration<IndicatorColumnMapping>
{
    public void Configure(EntityTypeBuilder<IndicatorColumnMapping> b)
    {
        b.ToTable("IndicatorColumnMappings");
        foreach (var p in new[] { "OrganisationNumber", "UnitName", "Level", "SchoolYear", "Indicator", "Grade", "Gender", "Value", "Numerator", "Denominator", "SeriesBreak" })
            b.Property<string?>(p).HasMaxLength(100);
        b.HasOne<SchoolOwner>().WithMany().HasForeignKey(m => m.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => new { m.OwnerId, m.Kind }).IsUnique();
    }
}
