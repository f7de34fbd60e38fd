using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Programmes.Objectives;

/// <summary>One objective: change its wording and place, close it with a reason, or open it again.</summary>
public sealed class EditModel(StillasDb db, CurrentScope current, TimeProvider clock) : PageModel
{
    public ProgrammeHead Programme { get; private set; } = default!;
    public DevelopmentObjective Objective { get; private set; } = default!;
    [BindProperty] public ObjectiveInput Input { get; set; } = new();
    [BindProperty] public CloseInput Close { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        Input = new() { Title = Objective.Title, Description = Objective.Description, Order = Objective.Order, Version = Objective.Version };
        Close = new() { Reason = Objective.CloseReason, Version = Objective.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        // Two forms on one page: only this form's fields are checked (a missing prefix binds from the other's names).
        ModelState.Clear();
        if (!TryValidateModel(Input, nameof(Input))) return Page();
        var row = await db.ObjectivesSet().SingleAsync(o => o.Id == id, ct);
        db.Expect(row, Input.Version);
        row.Title = Input.Title!.Trim();
        row.Description = string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description.Trim();
        row.Order = Input.Order ?? row.Order;
        if (!await db.TrySaveAsync(this, ct)) return await ReloadAsync(id, ct);
        TempData["Message"] = L.T("Målet er lagret.");
        return Redirect($"/Programmes/Objectives/{Programme.Id}");
    }

    /// <summary>Closes the objective with a reason: its ratings stay as history; it is no longer rated.</summary>
    public async Task<IActionResult> OnPostCloseAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        ModelState.Clear();
        if (!TryValidateModel(Close, nameof(Close))) return Page();
        var row = await db.ObjectivesSet().SingleAsync(o => o.Id == id, ct);
        db.Expect(row, Close.Version);
        row.ClosedAt = clock.GetUtcNow();
        row.CloseReason = Close.Reason!.Trim();
        if (!await db.TrySaveAsync(this, ct)) return await ReloadAsync(id, ct);
        TempData["Message"] = L.T("Målet er avsluttet.");
        return Redirect($"/Programmes/Objectives/{Programme.Id}");
    }

    public async Task<IActionResult> OnPostReopenAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        ModelState.Clear();
        var row = await db.ObjectivesSet().SingleAsync(o => o.Id == id, ct);
        db.Expect(row, Close.Version);
        row.ClosedAt = null;
        row.CloseReason = null;
        if (!await db.TrySaveAsync(this, ct)) return await ReloadAsync(id, ct);
        TempData["Message"] = L.T("Målet er åpnet igjen.");
        return Redirect($"/Programmes/Objectives/{Programme.Id}");
    }

    private async Task<IActionResult> ReloadAsync(int id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Input.Version = Close.Version = Objective.Version;
        return Page();
    }

    /// <summary>Null when the objective is found and the user may keep it; otherwise the answer.</summary>
    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var objective = await db.ObjectivesSet().AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
        if (objective is null) return NotFound();
        var p = await ProgrammeHead.LoadAsync(db, objective.ProgrammeId, ct);
        if (p is null) return NotFound();
        (Objective, Programme) = (objective, p);
        return Objectives.MayEdit(current.Scope, p) ? null : Forbid();
    }
}
