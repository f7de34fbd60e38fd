using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Surveys.Banks;

/// <summary>What the owner's administrator types or uploads for a bank.</summary>
public sealed class BankInput
{
    public int? Version { get; set; }
    public int? OwnerId { get; set; }
    [Required(ErrorMessage = "Skriv inn et navn på banken.")]
    [StringLength(ItemBank.NameMax, ErrorMessage = "Navnet kan ha høyst 200 tegn.")]
    public string Name { get; set; } = "";
    [Required(ErrorMessage = "Velg type undersøkelse.")]
    public SurveyKind? Kind { get; set; }
    [Required(ErrorMessage = "Skriv inn hvem som har skrevet påstandene.")]
    [StringLength(200, ErrorMessage = "Feltet kan ha høyst 200 tegn.")]
    public string Author { get; set; } = "";
    [Required(ErrorMessage = "Skriv inn lisensen tekstene brukes under.")]
    [StringLength(200, ErrorMessage = "Feltet kan ha høyst 200 tegn.")]
    public string Licence { get; set; } = "";
    /// <summary>The items as CSV (block;code;text;scale;roles;mandatory), when no file is uploaded.</summary>
    public string? Items { get; set; }
    public bool ConfirmRights { get; set; }
}

/// <summary>Write or import a bank (no id), or make a new version of one (id). Every change is a new version.</summary>
public sealed class EditModel(StillasDb db, CurrentScope current, TimeProvider clock) : PageModel
{
    [BindProperty] public BankInput Input { get; set; } = new();
    [BindProperty] public IFormFile? Upload { get; set; }
    public int? Id { get; private set; }
    public List<SelectListItem> Kinds { get; } = [.. new[] { SurveyKind.SelfAssessment, SurveyKind.Staff, SurveyKind.OwnerGroups }.Select(k => new SelectListItem(SurveyGroups.KindName(k), k.ToString()))];
    public List<SelectListItem> Owners { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is int existing)
        {
            var bank = await db.Set<ItemBank>().AsNoTracking().SingleOrDefaultAsync(b => b.Id == existing, ct);
            if (bank is null) return NotFound();
            if (!current.Scope.Can(Permission.ManageItemBanks, bank.OwnerId)) return Forbid();
            var json = await db.Set<ItemBankVersion>().AsNoTracking().Where(v => v.BankId == existing && v.Number == bank.LatestNumber).Select(v => v.ItemsJson).SingleAsync(ct);
            Input = new BankInput { Version = bank.Version, OwnerId = bank.OwnerId, Name = bank.Name, Kind = bank.Kind, Author = bank.Author, Licence = bank.Licence, Items = ItemBanks.ToCsv(ItemBanks.FromJson(json)) };
        }
        else
        {
            if (!current.Scope.Can(Permission.ManageItemBanks)) return Forbid();
            Input.Items = ItemBanks.ToCsv(DefaultBanks.SelfAssessment.Items.Take(3));
        }
        return await FormAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        ItemBank? bank = null;
        if (id is int existing)
        {
            bank = await db.Set<ItemBank>().SingleOrDefaultAsync(b => b.Id == existing, ct);
            if (bank is null) return NotFound();
            if (!current.Scope.Can(Permission.ManageItemBanks, bank.OwnerId)) return Forbid();
            Input.OwnerId = bank.OwnerId;
            // A bank keeps its kind: the form does not post it.
            Input.Kind = bank.Kind;
            ModelState.Remove("Input.Kind");
        }
        else if (!current.Scope.Can(Permission.ManageItemBanks)) return Forbid();
        Input.OwnerId ??= current.Scope.AdminOwnerIds.Length == 1 ? current.Scope.AdminOwnerIds[0] : null;
        if (Input.OwnerId is not int ownerId || !current.Scope.Can(Permission.ManageItemBanks, ownerId))
        {
            ModelState.AddModelError("Input.OwnerId", L.T("Velg skoleeier."));
            return await FormAsync(ct);
        }
        if (Input.Kind is SurveyKind kind && (!Enum.IsDefined(kind) || kind == SurveyKind.Evaluation)) ModelState.AddModelError("Input.Kind", L.T("Velg type undersøkelse."));
        if (!Input.ConfirmRights) ModelState.AddModelError("Input.ConfirmRights", L.T("Bekreft at skoleeieren har rett til å bruke tekstene."));

        List<BankItem> items = [];
        List<string> errors;
        if (Upload is { Length: > 0 })
        {
            if (Upload.Length > 1_000_000) errors = [L.T("Filen er for stor (høyst 1 MB).")];
            else
            {
                using var reader = new StreamReader(Upload.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true));
                string text;
                try { text = await reader.ReadToEndAsync(ct); }
                catch (DecoderFallbackException) { text = ""; }
                if (text.Length == 0) errors = [L.T("Filen er tom eller ikke lagret som UTF-8.")];
                else
                {
                    (items, errors) = Upload.FileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || text.TrimStart('\uFEFF').TrimStart().StartsWith('[')
                        ? ItemBanks.ReadJson(text) : ItemBanks.ReadCsv(text);
                    Input.Items = errors.Count == 0 ? ItemBanks.ToCsv(items) : Input.Items;
                }
            }
        }
        else (items, errors) = ItemBanks.ReadCsv(Input.Items ?? "");
        foreach (var e in errors.Take(30)) ModelState.AddModelError("Input.Items", e);
        if (!ModelState.IsValid) return await FormAsync(ct);

        if (bank is null)
            bank = new ItemBank { OwnerId = ownerId, Name = "", Kind = Input.Kind!.Value, Author = "", Licence = "", RightsConfirmedBy = "" };
        else db.Expect(bank, Input.Version);
        bank.Name = Input.Name.Trim();
        bank.Author = Input.Author.Trim();
        bank.Licence = Input.Licence.Trim();
        var changed = await ItemBankStore.SaveAsync(db, bank, items, current.Scope.ActorName, clock.GetUtcNow(), ct);
        if (!await db.TrySaveAsync(this, ct)) return await FormAsync(ct);
        TempData["Message"] = changed ? L.T("Banken er lagret som versjon {0}. Undersøkelser som allerede er laget, beholder sin versjon.", bank.LatestNumber) : L.T("Påstandene er uendret; ingen ny versjon ble laget.");
        return RedirectToPage("/Surveys/Banks/Details", new { id = bank.Id });
    }

    private async Task<IActionResult> FormAsync(CancellationToken ct)
    {
        var admin = current.Scope.AdminOwnerIds;
        Owners = [.. (await db.Owners.AsNoTracking().Where(o => admin.Contains(o.Id)).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
            .Select(o => new SelectListItem(o.Name, o.Id.ToString(CultureInfo.InvariantCulture)))];
        return Page();
    }
}
