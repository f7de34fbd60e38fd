using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stillas.Web.Platform.Data;

namespace Stillas.Web.Features.Programmes.Assessment;

/// <summary>The days' plan to print and put on the wall: one table per day, print CSS hides the navigation.</summary>
public sealed class DayPlanModel(StillasDb db) : PageModel
{
    public AssessmentProgramme Programme { get; private set; } = default!;
    public List<AssessmentSlot> Slots { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int programmeId, CancellationToken ct)
    {
        var p = await AssessmentProgramme.LoadAsync(db, programmeId, ct);
        if (p is null) return NotFound();
        Programme = p;
        Slots = await AssessmentService.SlotsAsync(db, programmeId, ct);
        return Page();
    }
}
