using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Web;

namespace Stillas.Web.Features.Indicators;

/// <summary>/Indicators/Schools/{id}: one school's indicators by area, five school years beside the owner, county and nation.</summary>
public sealed class SchoolIndicatorsModel(StillasDb db, TimeProvider clock) : PageModel
{
    public string SchoolName { get; private set; } = "";
    public string OwnerName { get; private set; } = "";
    public int SchoolId { get; private set; }
    public List<Trend> Trends { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        // The school's access filter decides: another owner's school (or one the person does not see) is not found.
        var school = await db.Schools.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.Id, s.Name, s.OwnerId, Owner = s.Owner!.Name }).SingleOrDefaultAsync(ct);
        if (school is null) return NotFound();
        (SchoolId, SchoolName, OwnerName) = (school.Id, school.Name, school.Owner);
        var today = DateOnly.FromDateTime(NorwegianTime.ToOslo(clock.GetUtcNow()).DateTime);
        Trends = await IndicatorTrends.ForSchoolAsync(db, school.Id, school.Name, school.OwnerId, school.Owner, today, ct);
        return Page();
    }
}
