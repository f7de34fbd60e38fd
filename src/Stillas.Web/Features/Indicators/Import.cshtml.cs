using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Import;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Files;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Indicators;

/// <summary>
/// Import of Udir's statistics exports (CSV) without JavaScript: upload → preview (line errors, unknown organisation
/// numbers, what a re-import replaces) → "Importer", all or nothing. The uploaded file is kept in the file store; the
/// preview carries a reference to it protected for this owner and this person. The owner's administrators only.
/// </summary>
public sealed class ImportModel(StillasDb db, CurrentScope current, IDataProtectionProvider protection, FileStore files, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<OpenStatisticsOptions> openStatistics) : PageModel
{
    public const int ShownErrors = 200;
    private static readonly TimeSpan PreviewLifetime = TimeSpan.FromHours(2);

    public sealed record HistoryRow(int Id, ExportKind Kind, string FileName, DateTimeOffset At, string By, int Values, int Suppressed, int Missing, string Years, bool Current);

    [BindProperty(SupportsGet = true)] public int? Owner { get; set; }
    [BindProperty(SupportsGet = true)] public ExportKind? Kind { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? Data { get; set; }
    [BindProperty] public Dictionary<string, string?> Columns { get; set; } = [];

    public List<SelectListItem> OwnerOptions { get; private set; } = [];
    public string? OwnerName { get; private set; }
    public ImportPreview? Preview { get; private set; }
    public List<HistoryRow> History { get; private set; } = [];
    /// <summary>The owner's latest fetch from Udir's open API (its state and why it stopped, if it did).</summary>
    public IndicatorSync? LatestSync { get; private set; }
    public bool SyncAvailable => openStatistics.Value.Enabled;

    /// <summary>Queues a fetch of Elevundersøkelsen for the owner's units from Udir's open API (the background job runs it).</summary>
    public async Task<IActionResult> OnPostSyncAsync(CancellationToken ct)
    {
        if (await RefuseAsync(ct) is { } refused) return refused;
        if (Owner is not int ownerId) { ModelState.AddModelError(nameof(Owner), L.T("Velg skoleeier.")); await LoadHistoryAsync(ct); return Page(); }
        if (!SyncAvailable)
        {
            ModelState.AddModelError(nameof(Owner), L.T("Henting fra Udirs åpne API er ikke satt opp på denne installasjonen."));
            await LoadHistoryAsync(ct);
            return Page();
        }
        var now = clock.GetUtcNow();
        if (!await db.Set<IndicatorSync>().AnyAsync(s => s.OwnerId == ownerId && (s.State == SyncState.Queued || s.State == SyncState.Running), ct))
        {
            db.Add(IndicatorSyncJob.Queue(ownerId, current.Scope.ActorName, DateOnly.FromDateTime(Platform.Web.NorwegianTime.ToOslo(now).DateTime), now));
            await db.SaveChangesAsync(ct);
        }
        TempData["Message"] = L.T("Hentingen fra Udirs åpne API er satt i gang. Status vises på denne siden.");
        return RedirectToPage(new { owner = ownerId });
    }

    public static IEnumerable<SelectListItem> KindOptions => Enum.GetValues<ExportKind>().Select(k => new SelectListItem(Indicator.KindName(k), k.ToString()));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await RefuseAsync(ct) is { } refused) return refused;
        if (Owner is int o && Kind is ExportKind k && Columns.Count == 0) Columns = await SavedColumnsAsync(o, k, ct);
        await LoadHistoryAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        Data = null;
        if (await RefuseAsync(ct) is { } refused) return refused;
        if (Owner is not int ownerId) ModelState.AddModelError(nameof(Owner), L.T("Velg skoleeier."));
        if (Kind is null) ModelState.AddModelError(nameof(Kind), L.T("Velg hvilken eksport filen er."));
        if (Upload is null || Upload.Length == 0) ModelState.AddModelError(nameof(Upload), Upload is null ? L.T("Velg en CSV-fil.") : L.T("Filen er tom."));
        else if (Upload.Length > IndicatorCsv.MaxBytes) ModelState.AddModelError(nameof(Upload), L.T("Filen er for stor ({0:0.0} MB). Den kan være høyst 20 MB.", Upload.Length / 1024.0 / 1024.0));
        if (!ModelState.IsValid) { await LoadHistoryAsync(ct); return Page(); }

        var name = FileStore.SanitiseName(Upload!.FileName) ?? "indikatorer.csv";
        using var buffer = new MemoryStream((int)Upload.Length);
        await using (var stream = Upload.OpenReadStream()) await stream.CopyToAsync(buffer, ct);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var text = CsvRecords.Decode(bytes);
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            ModelState.AddModelError(nameof(Upload), L.T("Filen ser ikke ut som en CSV-fil. Lagre den som CSV (semikolon- eller kommadelt) og prøv igjen."));
            await LoadHistoryAsync(ct);
            return Page();
        }
        Preview = await IndicatorImporter.PreviewAsync(db, Owner!.Value, Kind!.Value, text, hash, ColumnMap(), ct);
        foreach (var e in Preview.Parsed.FileErrors) ModelState.AddModelError(nameof(Upload), e);
        if (Preview.CanImport && Preview.SameFile is null)
        {
            // The file store keeps text as UTF-8: the decoded file is what is kept (and what the confirm reads again).
            using var utf8 = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
            var stored = await files.SaveAsync(utf8, Path.ChangeExtension(name, ".csv"), Owner.Value, ct);
            if (stored.Content is null) ModelState.AddModelError(nameof(Upload), stored.Error!);
            else Data = Protector(Owner.Value).Protect(string.Join('\n', stored.Content.StoragePath, hash, name, Kind.Value.ToString()), PreviewLifetime);
        }
        if (Data is null) await LoadHistoryAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (await RefuseAsync(ct) is { } refused) return refused;
        if (Owner is not int ownerId) return BadRequest();
        string[] parts;
        try { parts = Protector(ownerId).Unprotect(Data ?? "").Split('\n'); }
        catch (CryptographicException) { parts = []; }
        if (parts.Length != 4 || !Enum.TryParse<ExportKind>(parts[3], out var kind))
        {
            Data = null;
            ModelState.AddModelError(nameof(Upload), L.T("Importen ble ikke gjort: forhåndsvisningen er endret, utløpt eller gjelder en annen skoleeier. Last opp filen på nytt."));
            await LoadHistoryAsync(ct);
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }
        Kind = kind;
        var (path, hash, fileName) = (parts[0], parts[1], parts[2]);
        if (await PreviewStoredAsync(path, hash, ct) is null || !Preview!.CanImport)
        {
            Data = null;
            await LoadHistoryAsync(ct);
            return Page();
        }
        if (Preview.SameFile is { } same)
        {
            TempData["Message"] = L.T("Denne filen ble importert {0}. Ingenting er endret.", Platform.Web.NorwegianTime.DateTime(same.ImportedAt));
            return RedirectToPage(new { owner = ownerId });
        }
        var mapping = await db.Set<IndicatorColumnMapping>().SingleOrDefaultAsync(m => m.OwnerId == ownerId && m.Kind == kind, ct);
        if (mapping is null) db.Add(mapping = new IndicatorColumnMapping { OwnerId = ownerId, Kind = kind });
        IndicatorImporter.Apply(mapping, ColumnMap());
        var import = await IndicatorImporter.ApplyAsync(db, current.Scope, ownerId, kind, fileName, path, Preview, clock, ct);
        TempData["Message"] = L.T("{0} tall er importert for {1}.", (Preview.Resolved.Count).ToString("N0", CultureInfo.CurrentCulture), IndicatorImporter.YearsText(Preview.Years));
        return RedirectToPage(new { owner = ownerId, imported = import?.Id });
    }

    private async Task<string?> PreviewStoredAsync(string path, string hash, CancellationToken ct)
    {
        await using var stream = files.OpenRead(path);
        if (stream is null)
        {
            ModelState.AddModelError(nameof(Upload), L.T("Filen finnes ikke lenger. Last den opp på nytt."));
            return null;
        }
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        var text = CsvRecords.Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        Preview = await IndicatorImporter.PreviewAsync(db, Owner!.Value, Kind!.Value, text, hash, ColumnMap(), ct);
        foreach (var e in Preview.Parsed.FileErrors) ModelState.AddModelError(nameof(Upload), e);
        return text;
    }

    private IReadOnlyDictionary<IndicatorColumn, string?> ColumnMap() =>
        Enum.GetValues<IndicatorColumn>().ToDictionary(c => c, c => Columns.TryGetValue(c.ToString(), out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim()[..Math.Min(v.Trim().Length, 100)] : null);

    private async Task<Dictionary<string, string?>> SavedColumnsAsync(int ownerId, ExportKind kind, CancellationToken ct)
    {
        var saved = await db.Set<IndicatorColumnMapping>().AsNoTracking().SingleOrDefaultAsync(m => m.OwnerId == ownerId && m.Kind == kind, ct);
        return IndicatorImporter.MappingOf(saved).ToDictionary(p => p.Key.ToString(), p => p.Value);
    }

    private async Task LoadHistoryAsync(CancellationToken ct)
    {
        if (Owner is not int ownerId) return;
        LatestSync = await db.Set<IndicatorSync>().AsNoTracking().Where(s => s.OwnerId == ownerId).OrderByDescending(s => s.Id).FirstOrDefaultAsync(ct);
        var rows = await db.Set<IndicatorImport>().AsNoTracking().Where(i => i.OwnerId == ownerId).OrderByDescending(i => i.Id).Take(50)
            .Select(i => new { i.Id, i.Kind, i.FileName, i.ImportedAt, i.ImportedByName, i.ValueCount, i.SuppressedCount, i.MissingCount, i.SchoolYears,
                Current = db.Set<IndicatorValue>().Any(v => v.ImportId == i.Id && v.Current) })
            .ToListAsync(ct);
        History = rows.Select(r => new HistoryRow(r.Id, r.Kind, r.FileName, r.ImportedAt, r.ImportedByName, r.ValueCount, r.SuppressedCount, r.MissingCount,
            IndicatorImporter.YearsText(r.SchoolYears.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(y => int.Parse(y, CultureInfo.InvariantCulture))), r.Current)).ToList();
    }

    /// <summary>Refuses users who administer no owner, or not the owner in the address; loads the owner picker.</summary>
    private async Task<IActionResult?> RefuseAsync(CancellationToken ct)
    {
        var scope = current.Scope;
        if (!scope.Can(Permission.ImportSchools)) return Forbid();
        if (Owner is int chosen && !scope.Can(Permission.ImportSchools, chosen)) return Forbid();
        var admin = scope.AdminOwnerIds;
        OwnerOptions = await db.Owners.AsNoTracking()
            .Where(o => o.Active && (scope.IsSystem || admin.Contains(o.Id))).OrderBy(o => o.Name)
            .Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToListAsync(ct);
        if (Owner is int id && OwnerOptions.All(o => o.Value != id.ToString(CultureInfo.InvariantCulture))) return NotFound();
        if (Owner is null && OwnerOptions.Count == 1) Owner = int.Parse(OwnerOptions[0].Value, CultureInfo.InvariantCulture);
        OwnerName = OwnerOptions.FirstOrDefault(o => o.Value == Owner?.ToString(CultureInfo.InvariantCulture))?.Text;
        return null;
    }

    private ITimeLimitedDataProtector Protector(int ownerId) =>
        protection.CreateProtector("Stillas.Import.Indicators.v1", $"owner:{ownerId}", $"person:{current.Scope.PersonId}").ToTimeLimitedDataProtector();
}
