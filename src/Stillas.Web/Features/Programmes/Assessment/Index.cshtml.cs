using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Programmes.Assessment;

/// <summary>
/// The assessment days of a programme: the schedule by day (who, where), what the school must arrange
/// before (a checklist with due dates the school's leaders tick off), and the way to the notes (team
/// only) and the report.
/// </summary>
public sealed class IndexModel(StillasDb db, CurrentScope current, TimeProvider clock) : PageModel
{
    public AssessmentProgramme Programme { get; private set; } = default!;
    public List<AssessmentSlot> Slots { get; private set; } = [];
    public List<AssessmentTask> Tasks { get; private set; } = [];
    public ReportStatus? ReportStatus { get; private set; }
    public bool CanPlan { get; private set; }
    public bool CanTick { get; private set; }
    public bool IsTeam { get; private set; }
    /// <summary>The owner's retention period for kept notes, shown to the team and the owner's staff (null for the school).</summary>
    public int? NoteRetentionDays { get; private set; }
    public bool CanSetRetention { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(int programmeId, CancellationToken ct)
    {
        if (await LoadAsync(programmeId, ct) is { } refused) return refused;
        return Page();
    }

    public async Task<IActionResult> OnPostPlanAsync(int programmeId, CancellationToken ct)
    {
        if (await LoadAsync(programmeId, ct) is { } refused) return refused;
        if (!CanPlan) return Forbid();
        if (Programme.StepDate is null)
        {
            TempData["Message"] = L.T("Forløpet har ikke noe steg for vurderingsdagene i fremdriftsplanen, så dagene kan ikke lages fra malen.");
            return RedirectToPage(new { programmeId });
        }
        var made = await AssessmentService.PlanFromTemplateAsync(db, Programme, ct);
        TempData["Message"] = made ? L.T("Dagsplanen og skolens sjekkliste er laget fra malen. Endre tider, hvem og hvor slik det passer skolen.") : L.T("Vurderingsdagene er allerede planlagt.");
        return RedirectToPage(new { programmeId });
    }

    public async Task<IActionResult> OnPostTickAsync(int programmeId, int taskId, bool done, int? version, CancellationToken ct)
    {
        if (await LoadAsync(programmeId, ct) is { } refused) return refused;
        if (!CanTick) return Forbid();
        if (Tasks.All(t => t.Id != taskId)) return NotFound();
        try
        {
            await AssessmentService.TickAsync(db, taskId, done, current.Scope, ct, version);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            // Someone else ticked or unticked it since this page was loaded: nothing is changed; the list shows theirs.
            await EditConflicts.ShowAsync(db, this, ex, ct);
            await LoadAsync(programmeId, ct);
            return Page();
        }
        TempData["Message"] = done ? L.T("Punktet er krysset av som gjort.") : L.T("Punktet er ikke lenger krysset av.");
        return RedirectToPage(new { programmeId });
    }

    private async Task<IActionResult?> LoadAsync(int programmeId, CancellationToken ct)
    {
        var p = await AssessmentProgramme.LoadAsync(db, programmeId, ct);
        if (p is null) return NotFound();
        Programme = p;
        var scope = current.Scope;
        var active = p.Status == ProgrammeStatus.Active;
        CanPlan = active && scope.Can(Permission.RunProgramme, p);
        CanTick = active && scope.Can(Permission.TakePart, p);
        IsTeam = scope.Can(Permission.TeamContent, p);
        Today = ProgrammePlanning.Today(clock);
        Slots = await AssessmentService.SlotsAsync(db, programmeId, ct);
        Tasks = await AssessmentService.TasksAsync(db, programmeId, ct);
        ReportStatus = (await AssessmentService.ReportAsync(db, programmeId, ct))?.Status;
        CanSetRetention = scope.Can(Permission.ManageProgrammes, p.OwnerId);
        if (IsTeam || scope.IsStaffOf(p.OwnerId)) NoteRetentionDays = await AssessmentService.RetentionDaysAsync(db, p.OwnerId, ct);
        return null;
    }
}
