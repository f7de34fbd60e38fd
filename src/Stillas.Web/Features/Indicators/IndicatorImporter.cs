using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Indicators;

/// <summary>An organisation number in the file that is none of the owner's schools nor the owner.</summary>
public sealed record UnknownUnit(string OrganisationNumber, string Name, int FirstLine, int Lines);

/// <summary>What an import would do: the file's figures checked against the database.</summary>
public sealed class ImportPreview
{
    public required IndicatorCsvResult Parsed { get; init; }
    public List<UnknownUnit> Unknown { get; } = [];
    /// <summary>Values resolved to their level and school (only when the file has no errors).</summary>
    public List<(ParsedValue Value, IndicatorLevel Level, int? SchoolId)> Resolved { get; } = [];
    /// <summary>School years whose current figures (of this kind) the import replaces; they are kept as the previous version.</summary>
    public List<int> Replaces { get; } = [];
    /// <summary>An earlier import of exactly this file (same content hash): importing it again changes nothing.</summary>
    public IndicatorImport? SameFile { get; set; }
    public required string ContentHash { get; init; }
    public bool CanImport => Parsed.FileErrors.Count == 0 && Parsed.Errors.Count == 0 && Unknown.Count == 0 && Parsed.Values.Count > 0;
    public int Count(ValueStatus status) => Parsed.Values.Count(v => v.Status == status);
    public IEnumerable<int> Years => Parsed.Values.Select(v => v.SchoolYear).Distinct().Order();
}

/// <summary>
/// The database side of an indicator import: resolve organisation numbers, find what a re-import replaces, then
/// write everything in one transaction (all or nothing). The same file twice changes nothing (content hash).
/// </summary>
public static class IndicatorImporter
{
    public static string YearText(int startYear) => string.Create(CultureInfo.InvariantCulture, $"{startYear}–{(startYear + 1) % 100:00}");

    public static IReadOnlyDictionary<IndicatorColumn, string?> MappingOf(IndicatorColumnMapping? m) => new Dictionary<IndicatorColumn, string?>
    {
        [IndicatorColumn.OrganisationNumber] = m?.OrganisationNumber, [IndicatorColumn.UnitName] = m?.UnitName, [IndicatorColumn.Level] = m?.Level,
        [IndicatorColumn.SchoolYear] = m?.SchoolYear, [IndicatorColumn.Indicator] = m?.Indicator, [IndicatorColumn.Grade] = m?.Grade,
        [IndicatorColumn.Gender] = m?.Gender, [IndicatorColumn.Value] = m?.Value, [IndicatorColumn.Numerator] = m?.Numerator,
        [IndicatorColumn.Denominator] = m?.Denominator, [IndicatorColumn.SeriesBreak] = m?.SeriesBreak,
    };

    public static void Apply(IndicatorColumnMapping m, IReadOnlyDictionary<IndicatorColumn, string?> map)
    {
        string? V(IndicatorColumn c) => map.TryGetValue(c, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        m.OrganisationNumber = V(IndicatorColumn.OrganisationNumber); m.UnitName = V(IndicatorColumn.UnitName); m.Level = V(IndicatorColumn.Level);
        m.SchoolYear = V(IndicatorColumn.SchoolYear); m.Indicator = V(IndicatorColumn.Indicator); m.Grade = V(IndicatorColumn.Grade);
        m.Gender = V(IndicatorColumn.Gender); m.Value = V(IndicatorColumn.Value); m.Numerator = V(IndicatorColumn.Numerator);
        m.Denominator = V(IndicatorColumn.Denominator); m.SeriesBreak = V(IndicatorColumn.SeriesBreak);
    }

    public static async Task<ImportPreview> PreviewAsync(StillasDb db, int ownerId, ExportKind kind, string text, string hash,
        IReadOnlyDictionary<IndicatorColumn, string?> mapping, CancellationToken ct)
    {
        var catalogue = await db.Set<Indicator>().AsNoTracking().ToListAsync(ct);
        var parsed = IndicatorCsv.Parse(text, kind, mapping, catalogue);
        var preview = new ImportPreview { Parsed = parsed, ContentHash = hash };
        if (parsed.FileErrors.Count > 0) return preview;

        var ownerOrg = await db.Owners.Where(o => o.Id == ownerId).Select(o => o.OrganisationNumber).SingleAsync(ct);
        var schools = await db.Schools.AsNoTracking().Where(s => s.OwnerId == ownerId).Select(s => new { s.Id, s.OrganisationNumber }).ToListAsync(ct);
        var schoolByOrg = schools.ToDictionary(s => s.OrganisationNumber, s => s.Id, StringComparer.Ordinal);
        var unknown = new Dictionary<string, (string Name, int First, int Count)>(StringComparer.Ordinal);
        foreach (var v in parsed.Values)
        {
            IndicatorLevel? level = v.Level;
            int? schoolId = null;
            if (level is null or IndicatorLevel.School && schoolByOrg.TryGetValue(v.OrganisationNumber, out var id)) { level = IndicatorLevel.School; schoolId = id; }
            else if (level is null or IndicatorLevel.Owner && v.OrganisationNumber == ownerOrg) level = IndicatorLevel.Owner;
            else if (level is IndicatorLevel.County or IndicatorLevel.Nation) { }
            else
            {
                unknown[v.OrganisationNumber] = unknown.TryGetValue(v.OrganisationNumber, out var u) ? (u.Name, u.First, u.Count + 1) : (v.UnitName, v.Line, 1);
                continue;
            }
            preview.Resolved.Add((v, level.Value, schoolId));
        }
        preview.Unknown.AddRange(unknown.Select(u => new UnknownUnit(u.Key, u.Value.Name, u.Value.First, u.Value.Count)).OrderBy(u => u.FirstLine));

        preview.SameFile = await db.Set<IndicatorImport>().AsNoTracking().Where(i => i.OwnerId == ownerId && i.ContentHash == hash).OrderByDescending(i => i.Id).FirstOrDefaultAsync(ct);
        var years = preview.Years.ToList();
        var kindIds = catalogue.Where(i => i.Kind == kind).Select(i => i.Id).ToList();
        preview.Replaces.AddRange(await db.Set<IndicatorValue>().Where(v => v.OwnerId == ownerId && v.Current && kindIds.Contains(v.IndicatorId) && years.Contains(v.SchoolYear))
            .Select(v => v.SchoolYear).Distinct().OrderBy(y => y).ToListAsync(ct));
        return preview;
    }

    /// <summary>
    /// Writes the import: the import row, its values, and marks the values it replaces (same owner, kind and school
    /// year) as no longer current, all in one transaction. Returns null (nothing written) for a file imported before.
    /// </summary>
    public static async Task<IndicatorImport?> ApplyAsync(StillasDb db, AccessScope scope, int ownerId, ExportKind kind, string fileName, string? storagePath,
        ImportPreview preview, TimeProvider clock, CancellationToken ct)
    {
        if (!preview.CanImport) throw new InvalidOperationException("Only a file without errors is imported.");
        if (preview.SameFile is not null) return null;
        var import = new IndicatorImport
        {
            OwnerId = ownerId, Kind = kind, FileName = fileName, ContentHash = preview.ContentHash, StoragePath = storagePath,
            ImportedAt = clock.GetUtcNow(), ImportedById = scope.PersonId, ImportedByName = scope.ActorName,
            ValueCount = preview.Count(ValueStatus.Value), SuppressedCount = preview.Count(ValueStatus.Suppressed), MissingCount = preview.Count(ValueStatus.Missing),
            SchoolYears = string.Join(',', preview.Years),
        };
        var years = preview.Years.ToList();
        var kindIds = await db.Set<Indicator>().Where(i => i.Kind == kind).Select(i => i.Id).ToListAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(import);
        await db.SaveChangesAsync(ct);
        // The previous version stays, no longer current: a bulk update in the same transaction.
        await db.Set<IndicatorValue>().Where(v => v.OwnerId == ownerId && v.Current && kindIds.Contains(v.IndicatorId) && years.Contains(v.SchoolYear))
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Current, false), ct);
        var tracking = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var chunk in preview.Resolved.Chunk(5000))
            {
                db.Set<IndicatorValue>().AddRange(chunk.Select(r => new IndicatorValue
                {
                    OwnerId = ownerId, ImportId = import.Id, IndicatorId = r.Value.IndicatorId, Level = r.Level, OrganisationNumber = r.Value.OrganisationNumber,
                    UnitName = r.Value.UnitName, SchoolId = r.SchoolId, SchoolYear = r.Value.SchoolYear, Grade = r.Value.Grade, Gender = r.Value.Gender,
                    Status = r.Value.Status, Value = r.Value.Value, Numerator = r.Value.Numerator, Denominator = r.Value.Denominator,
                    SeriesBreak = r.Value.SeriesBreak, SeriesBreakNote = r.Value.SeriesBreakNote, Current = true,
                }));
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = tracking;
        }
        await tx.CommitAsync(ct);
        return import;
    }

    /// <summary>Text for the school years a preview or import covers: "2021–22, 2022–23".</summary>
    public static string YearsText(IEnumerable<int> years) => string.Join(", ", years.Select(YearText));

    public static string NotImportedTitle => L.T("Importen ble ikke gjort.");
}
