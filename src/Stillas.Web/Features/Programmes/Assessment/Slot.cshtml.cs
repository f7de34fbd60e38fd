using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;

namespace Stillas.Web.Features.Programmes.Assessment;

/// <summary>Add, change or remove one slot of the days' schedule (the team and the owner's staff).</summary>
public sealed class SlotModel(StillasDb db, CurrentScope current) : PageModel
{
    [BindProperty] public SlotInput Input { get; set; } = new();
    public AssessmentProgramme Programme { get; private set; } = default!;
    public int? SlotId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int programmeId, int? slotId, CancellationToken ct)
    {
        if (await AuthoriseAsync(programmeId, ct) is { } refused) return refused;
        SlotId = slotId;
        if (slotId is int id)
        {
            var slot = await db.AssessmentSlots.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && s.ProgrammeId == programmeId, ct);
            if (slot is null) return NotFound();
            Input = SlotInput.From(slot);
        }
        else
        {
            var last = await db.AssessmentSlots.AsNoTracking().Where(s => s.ProgrammeId == programmeId).OrderByDescending(s => s.Date).Select(s => (DateOnly?)s.Date).FirstOrDefaultAsync(ct);
            Input = new SlotInput { Date = last ?? Programme.StepDate, SchoolTakesPart = true };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int programmeId, int? slotId, CancellationToken ct)
    {
        if (await AuthoriseAsync(programmeId, ct) is { } refused) return refused;
        SlotId = slotId;
        AssessmentSlot? slot = null;
        if (slotId is int id)
        {
            slot = await db.AssessmentSlots.SingleOrDefaultAsync(s => s.Id == id && s.ProgrammeId == programmeId, ct);
            if (slot is null) return NotFound();
        }
        ModelState.Clear();
        foreach (var (field, message) in Input.Check()) ModelState.AddModelError($"Input.{field}", message);
        if (!ModelState.IsValid) return Page();
        if (slot is null)
        {
            slot = new AssessmentSlot { ProgrammeId = Programme.Id }.PlaceIn(Programme);
            db.AssessmentSlots.Add(slot);
        }
        else db.Expect(slot, Input.Version);
        Input.Apply(slot);
        if (!await db.TrySaveAsync(this, ct)) return Page();
        TempData["Message"] = Platform.Text.L.T("«{0}» er lagret i dagsplanen.", Platform.Text.L.Data(slot.Title));
        return Redirect($"/Programmes/Assessment/{programmeId}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int programmeId, int? slotId, CancellationToken ct)
    {
        if (await AuthoriseAsync(programmeId, ct) is { } refused) return refused;
        var slot = await db.AssessmentSlots.SingleOrDefaultAsync(s => s.Id == slotId && s.ProgrammeId == programmeId, ct);
        if (slot is null) return NotFound();
        db.AssessmentSlots.Remove(slot);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = Platform.Text.L.T("«{0}» er fjernet fra dagsplanen.", Platform.Text.L.Data(slot.Title));
        return Redirect($"/Programmes/Assessment/{programmeId}");
    }

    private async Task<IActionResult?> AuthoriseAsync(int programmeId, CancellationToken ct)
    {
        var p = await AssessmentProgramme.LoadAsync(db, programmeId, ct);
        if (p is null) return NotFound();
        if (p.Status != ProgrammeStatus.Active || !current.Scope.Can(Permission.RunProgramme, p)) return Forbid();
        Programme = p;
        return null;
    }
}
