using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Models;

/// <summary>The guidance models: the built-in ones (read-only) and the owners' own copies, which the owner administrator makes and adapts.</summary>
public sealed class IndexModel(StillasDb db, CurrentScope current) : PageModel
{
    public sealed record OwnRow(int Id, string Owner, string Name, int Version, string? BasedOnKey, int? BasedOnVersion);

    public sealed class CopyInput
    {
        [Required(ErrorMessage = "Velg skoleeier.")]
        public int? OwnerId { get; set; }

        [Required(ErrorMessage = "Skriv inn et navn på modellen.")]
        [StringLength(200, ErrorMessage = "Navnet kan ha høyst 200 tegn.")]
        public string Name { get; set; } = "";

        /// <summary>"tromso:1".</summary>
        public string Source { get; set; } = "";
    }

    [BindProperty] public CopyInput Copy { get; set; } = new();
    public List<OwnRow> Own { get; private set; } = [];
    public List<SelectListItem> OwnerOptions { get; private set; } = [];
    public bool CanCopy => current.Scope.Can(Permission.ManageProgrammes);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Copy.Source = ProgrammePlanning.BuiltInValue(ProgrammeTemplates.Latest(ProgrammeTemplates.TromsoKey));
        await LoadAsync(ct);
        if (OwnerOptions.Count == 1) Copy.OwnerId = int.Parse(OwnerOptions[0].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IActionResult> OnPostCopyAsync(CancellationToken ct)
    {
        if (!current.Scope.Can(Permission.ManageProgrammes)) return Forbid();
        if (Copy.OwnerId is int ownerId && !current.Scope.Can(Permission.ManageProgrammes, ownerId))
            ModelState.AddModelError("Copy.OwnerId", L.T("Du kan ikke lage modeller for denne skoleeieren."));
        var parts = Copy.Source.Split(':');
        var source = parts.Length == 2 && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var v) ? ProgrammeTemplates.Find(parts[0], v) : null;
        if (source is null) ModelState.AddModelError("Copy.Source", L.T("Velg en innebygd modell å kopiere."));
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var owner = Copy.OwnerId!.Value;
        var key = await ModelPages.NewKeyAsync(db, owner, Copy.Name, ct);
        var copy = source!.CopyAsOwnModel(key, Copy.Name.Trim());
        var model = new ProgrammeModel
        {
            OwnerId = owner, Key = key, Name = copy.Name, Version = 1,
            BasedOnKey = source.Key, BasedOnVersion = source.Version, Json = ProgrammeModelJson.Write(copy),
        };
        db.ProgrammeModels.Add(model);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = L.T("{0} er laget som en kopi av {1}. Endre steg og hyppighet under.", model.Name, L.Data(source.Name));
        return RedirectToPage("/Models/Details", new { id = model.Id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Own = await db.ProgrammeModels.AsNoTracking().OrderBy(m => m.Owner!.Name).ThenBy(m => m.Name)
            .Select(m => new OwnRow(m.Id, m.Owner!.Name, m.Name, m.Version, m.BasedOnKey, m.BasedOnVersion)).ToListAsync(ct);
        var scope = current.Scope;
        var admin = scope.AdminOwnerIds;
        OwnerOptions = await db.Owners.AsNoTracking().Where(o => scope.IsSystem || admin.Contains(o.Id)).OrderBy(o => o.Name)
            .Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToListAsync(ct);
    }
}
