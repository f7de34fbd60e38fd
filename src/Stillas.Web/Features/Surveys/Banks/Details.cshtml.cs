using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;

namespace Stillas.Web.Features.Surveys.Banks;

/// <summary>A bank's items in one version (the newest unless ?version=n), its versions, and the CSV to download. Id 0: a default bank (?kind=).</summary>
public sealed class DetailsModel(StillasDb db, CurrentScope current) : PageModel
{
    public string Name { get; private set; } = "";
    public string Author { get; private set; } = "";
    public string Licence { get; private set; } = "";
    public SurveyKind Kind { get; private set; }
    public int? BankId { get; private set; }
    public int Number { get; private set; } = 1;
    public List<int> Numbers { get; private set; } = [1];
    public IReadOnlyList<BankItem> Items { get; private set; } = [];
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, SurveyKind? kind, int? version, bool csv, CancellationToken ct)
    {
        if (id == 0)
        {
            if (kind is not SurveyKind k || ItemBanks.DefaultFor(k) is not { } d) return NotFound();
            (Name, Author, Licence, Kind, Items) = (d.Name, DefaultBank.Author, DefaultBank.Licence, d.Kind, d.Items);
        }
        else
        {
            var bank = await db.Set<ItemBank>().AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct);
            if (bank is null) return NotFound();
            (Name, Author, Licence, Kind, BankId) = (bank.Name, bank.Author, bank.Licence, bank.Kind, bank.Id);
            CanManage = current.Scope.Can(Permission.ManageItemBanks, bank.OwnerId);
            Numbers = await db.Set<ItemBankVersion>().AsNoTracking().Where(v => v.BankId == id).OrderByDescending(v => v.Number).Select(v => v.Number).ToListAsync(ct);
            Number = version is int n && Numbers.Contains(n) ? n : bank.LatestNumber;
            var json = await db.Set<ItemBankVersion>().AsNoTracking().Where(v => v.BankId == id && v.Number == Number).Select(v => v.ItemsJson).SingleAsync(ct);
            Items = ItemBanks.FromJson(json);
        }
        if (csv) return File(System.Text.Encoding.UTF8.GetBytes(ItemBanks.ToCsv(Items)), "text/csv; charset=utf-8", "sporsmalsbank.csv");
        return Page();
    }
}
