using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;

namespace Stillas.Web.Features.Surveys.Banks;

/// <summary>Item banks (part 13): Stillas' default banks and the owner's own; the owner's administrator writes and imports them.</summary>
public sealed class IndexModel(StillasDb db, CurrentScope current) : PageModel
{
    public sealed record Row(int Id, string Name, SurveyKind Kind, int LatestNumber, string Author, string Licence);
    public List<Row> Own { get; private set; } = [];
    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanManage = current.Scope.AdminOwnerIds.Length > 0;
        Own = await db.Set<ItemBank>().AsNoTracking().OrderBy(b => b.Name)
            .Select(b => new Row(b.Id, b.Name, b.Kind, b.LatestNumber, b.Author, b.Licence)).ToListAsync(ct);
    }
}
