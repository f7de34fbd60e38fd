using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Import;

/// <summary>
/// Import of schools from a CSV in three steps without JavaScript: upload → preview of every line →
/// confirm. Between preview and confirm the normalised file travels in a hidden field, encrypted and
/// signed with Data Protection for this owner and this user, and it is checked again on confirm.
/// </summary>
public sealed class SchoolsModel(StillasDb db, CurrentScope current, IDataProtectionProvider protection) : PageModel
{
    private static readonly TimeSpan PreviewLifetime = TimeSpan.FromHours(2);

    [BindProperty(SupportsGet = true)] public int? Owner { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    /// <summary>The protected, normalised CSV of a preview without errors.</summary>
    [BindProperty] public string? Data { get; set; }

    public List<SelectListItem> OwnerOptions { get; private set; } = [];
    public string? OwnerName { get; private set; }
    /// <summary>The lines of an uploaded file; null before an upload.</summary>
    public List<SchoolCsvRow>? Rows { get; private set; }
    public int New => Rows?.Count(r => r.IsValid && r.ExistingSchoolId is null) ?? 0;
    public int Updates => Rows?.Count(r => r.IsValid && r.ExistingSchoolId is not null) ?? 0;
    public int Failed => Rows?.Count(r => !r.IsValid) ?? 0;
    public bool CanConfirm => Rows is { Count: > 0 } && Failed == 0 && Data is not null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await RefuseAsync(ct) is { } refused) return refused;
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        Data = null;
        if (await RefuseAsync(ct) is { } refused) return refused;
        var owner = await ChosenOwnerAsync(ct);
        var text = await ReadUploadAsync(ct);
        if (owner is null || text is null) return Page();

        var parsed = SchoolCsv.Parse(text);
        foreach (var error in parsed.FileErrors) ModelState.AddModelError(nameof(Upload), error);
        if (parsed.FileErrors.Count > 0) return Page();

        await SchoolImport.CheckAsync(db, current.Scope, owner, parsed.Rows, ct);
        Rows = parsed.Rows;
        if (Failed == 0) Data = Protector(owner.Id).Protect(SchoolCsv.Write(parsed.Rows, parsed.HasPupilsColumn), PreviewLifetime);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (await RefuseAsync(ct) is { } refused) return refused;
        var owner = await ChosenOwnerAsync(ct);
        if (owner is null) return Page();

        string text;
        try
        {
            text = Protector(owner.Id).Unprotect(Data ?? "");
        }
        catch (CryptographicException)
        {
            Data = null;
            ModelState.AddModelError(nameof(Upload), L.T("Importen ble ikke gjort: forhåndsvisningen er endret, utløpt eller gjelder en annen skoleeier. Last opp filen på nytt."));
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }

        // The database may have changed since the preview: check everything again.
        var parsed = SchoolCsv.Parse(text);
        if (parsed.FileErrors.Count == 0) await SchoolImport.CheckAsync(db, current.Scope, owner, parsed.Rows, ct);
        Rows = parsed.Rows;
        if (parsed.FileErrors.Count > 0 || Failed > 0)
        {
            Data = null;
            return Page();
        }

        int created, updated;
        try
        {
            (created, updated) = await SchoolImport.ApplyAsync(db, owner.Id, parsed.Rows, ct);
        }
        catch (DbUpdateException)
        {
            Data = null;
            Rows = null;
            ModelState.AddModelError(nameof(Upload), L.T("Importen ble ikke gjort fordi skolene ble endret samtidig av noen andre. Ingen skoler er lagret. Last opp filen på nytt."));
            return Page();
        }
        var total = created + updated;
        TempData["Message"] = L.T("{0} importert: {1}, {2} oppdatert.", total == 1 ? L.T("1 skole") : L.T("{0} skoler", total), created == 1 ? L.T("1 ny") : L.T("{0} nye", created), updated);
        return RedirectToPage(new { owner = owner.Id });
    }

    /// <summary>An example file to fill in, with the chosen (or first) owner's organisation number.</summary>
    public async Task<IActionResult> OnGetExampleAsync(CancellationToken ct)
    {
        if (await RefuseAsync(ct) is { } refused) return refused;
        var ownerNumber = OwnerOptions.Count == 0 ? "" : await db.Owners.AsNoTracking()
            .Where(o => o.Id == (Owner ?? int.Parse(OwnerOptions[0].Value, CultureInfo.InvariantCulture)))
            .Select(o => o.OrganisationNumber).SingleOrDefaultAsync(ct) ?? "";
        string Org(string stem) => OrganisationNumber.Complete(stem)!;
        // The headers in the reader's language, as the page names them (the reader takes all three); the school
        // types stay the register's words.
        var csv = new StringBuilder()
            .AppendJoin(';', new[] { SchoolCsv.OrganisationNumberColumn, SchoolCsv.NameColumn, SchoolCsv.OwnerColumn, SchoolCsv.LevelColumn, SchoolCsv.GradesColumn, SchoolCsv.PupilsColumn }
                .Select(c => L.T(c))).Append("\r\n")
            .Append(Org("99887701")).Append(";Eksempelvik skole;").Append(ownerNumber).Append(";Barneskole;1-7;214\r\n")
            .Append(Org("99887702")).Append(";Eksempelvik ungdomsskole;").Append(ownerNumber).Append(";Ungdomsskole;8-10;187\r\n")
            .Append(Org("99887703")).Append(";Øvre Eksempeldal oppvekstsenter;").Append(ownerNumber).Append(";Grunnskole 1-10;1-10;96\r\n")
            .Append(Org("99887705")).Append(";Eksempelvik videregående skole;").Append(ownerNumber).Append(";Videregående;Vg1-Vg3;540\r\n")
            .ToString();
        // With a BOM, so that Excel reads æ, ø and å correctly.
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray();
        return File(bytes, "text/csv; charset=utf-8", "skoler-eksempel.csv");
    }

    /// <summary>Refuses users who may import for no owner, or not for the owner in the address; loads the owner picker.</summary>
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

    private async Task<SchoolImport.Owner?> ChosenOwnerAsync(CancellationToken ct)
    {
        if (Owner is not int id)
        {
            ModelState.AddModelError(nameof(Owner), L.T("Velg skoleeier."));
            return null;
        }
        return await db.Owners.AsNoTracking().Where(o => o.Id == id)
            .Select(o => new SchoolImport.Owner(o.Id, o.Name, o.OrganisationNumber)).SingleOrDefaultAsync(ct);
    }

    private async Task<string?> ReadUploadAsync(CancellationToken ct)
    {
        if (Upload is null)
        {
            ModelState.AddModelError(nameof(Upload), L.T("Velg en CSV-fil."));
            return null;
        }
        if (Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), L.T("Filen er tom."));
            return null;
        }
        if (Upload.Length > SchoolCsv.MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), L.T("Filen er for stor ({0:0.0} MB). Den kan være høyst 2 MB.", Upload.Length / 1024.0 / 1024.0));
            return null;
        }
        using var buffer = new MemoryStream((int)Upload.Length);
        await using (var stream = Upload.OpenReadStream()) await stream.CopyToAsync(buffer, ct);
        var text = SchoolCsv.Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            ModelState.AddModelError(nameof(Upload), L.T("Filen ser ikke ut som en CSV-fil. Lagre den som CSV (semikolon- eller kommadelt) og prøv igjen."));
            return null;
        }
        return text;
    }

    /// <summary>Bound to the owner and the user: a preview cannot be replayed for another owner or by someone else.</summary>
    private ITimeLimitedDataProtector Protector(int ownerId) =>
        protection.CreateProtector("Stillas.Import.Schools.v1", $"owner:{ownerId}", $"person:{current.Scope.PersonId}")
            .ToTimeLimitedDataProtector();
}
