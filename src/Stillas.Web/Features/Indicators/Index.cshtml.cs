using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;

namespace Stillas.Web.Features.Indicators;

/// <summary>/Indicators: the catalogue with Stillas's explanations, and the schools the person sees (by name, never by value).</summary>
public sealed class IndexModel(StillasDb db, CurrentScope current) : PageModel
{
    public List<Indicator> Catalogue { get; private set; } = [];
    public List<(int Id, string Name)> Schools { get; private set; } = [];
    public bool CanImport { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Catalogue = await db.Set<Indicator>().AsNoTracking().OrderBy(i => i.Area).ThenBy(i => i.Order).ToListAsync(ct);
        Schools = (await db.Schools.AsNoTracking().Where(s => s.Active).OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).Take(500).ToListAsync(ct))
            .Select(s => (s.Id, s.Name)).ToList();
        CanImport = current.Scope.Can(Permission.ImportSchools);
    }
}
