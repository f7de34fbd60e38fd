using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Models;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Programmes;

/// <summary>
/// One step of a progress plan. The owner's staff and the programme's team change its date, status,
/// who is responsible and a note; a school leader marks the school's own steps done. Everyone else who
/// sees the programme reads it.
/// </summary>
public sealed class StepModel(StillasDb db, CurrentScope current, TimeProvider clock) : PageModel
{
    [BindProperty] public StepInput Input { get; set; } = new();
    [BindProperty] public string? LeaderNote { get; set; }

    public PlanStep Step { get; private set; } = default!;
    public string School { get; private set; } = "";
    public ProgrammeStatus ProgrammeStatus { get; private set; }
    public TemplateStep? ModelStep { get; private set; }
    public bool CanEdit { get; private set; }
    public bool CanMarkDone { get; private set; }
    /// <summary>The selection round's candidacy the programme grew out of, when the reader sees it: the first talk leads there.</summary>
    public int? CandidacyId { get; private set; }
    public DateOnly Today { get; private set; }
    public List<SelectListItem> StatusOptions { get; } =
        [.. Enum.GetValues<StepStatus>().Select(s => new SelectListItem(ProgrammeText.Label(s), s.ToString()))];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, tracked: false, ct)) return NotFound();
        Input = StepInput.From(Step);
        LeaderNote = Step.Note;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, tracked: true, ct)) return NotFound();
        if (!CanEdit) return Forbid();
        if (ModelState.IsValid)
        {
            var holidays = await StepInput.HolidaysAsync(db, Step.OwnerId, ct);
            foreach (var (field, message) in Input.Check(Step, holidays, await ProgrammePlanning.EndAsync(db, Step.ProgrammeId, ct)))
                ModelState.AddModelError($"{nameof(Input)}.{field}", message);
        }
        if (!ModelState.IsValid) return Page();
        var before = Step.Date;
        db.Expect(Step, Input.Version);
        Input.Apply(Step, clock.GetUtcNow());
        var followed = await ProgrammePlanning.FollowLastSessionAsync(db, Step, before, ct);
        if (!await db.TrySaveAsync(this, ct)) return Page();
        TempData["Message"] = (Step.Date != before
            ? L.T("«{0}» er flyttet til {1}.", L.Data(Step.Title), ProgrammePlanning.Dates(Step.Date, Step.EndDate))
            : L.T("«{0}» er lagret.", L.Data(Step.Title)))
            + string.Concat(followed.Select(f => " " + L.T("«{0}» er flyttet til {1}, ett år etter siste veiledning.", L.Data(f.Title), ProgrammePlanning.Dates(f.Date, f.EndDate))));
        return RedirectToPage("/Programmes/Details", null, new { id = Step.ProgrammeId }, $"phase-{Step.PhaseKey}");
    }

    public Task<IActionResult> OnPostDoneAsync(int id, CancellationToken ct) => MarkAsync(id, true, ct);
    public Task<IActionResult> OnPostUndoneAsync(int id, CancellationToken ct) => MarkAsync(id, false, ct);

    private async Task<IActionResult> MarkAsync(int id, bool done, CancellationToken ct)
    {
        if (!await LoadAsync(id, tracked: true, ct)) return NotFound();
        if (!CanMarkDone && !CanEdit) return Forbid();
        if (LeaderNote?.Length > 2000)
        {
            ModelState.AddModelError(nameof(LeaderNote), L.T("Notatet kan ha høyst 2000 tegn."));
            Input = StepInput.From(Step);
            return Page();
        }
        StepInput.MarkDone(Step, done, LeaderNote, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        TempData["Message"] = done ? L.T("«{0}» er markert som levert.", L.Data(Step.Title)) : L.T("«{0}» er ikke lenger markert som levert.", L.Data(Step.Title));
        return RedirectToPage("/Programmes/Details", null, new { id = Step.ProgrammeId }, $"phase-{Step.PhaseKey}");
    }

    private async Task<bool> LoadAsync(int id, bool tracked, CancellationToken ct)
    {
        var query = tracked ? db.PlanSteps : db.PlanSteps.AsNoTracking();
        var step = await query.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (step is null) return false;
        var programme = await db.Programmes.AsNoTracking().Where(p => p.Id == step.ProgrammeId)
            .Select(p => new { School = p.School!.Name, p.Status, p.TemplateJson, p.CandidacyId }).SingleAsync(ct);
        Step = step;
        School = programme.School;
        ProgrammeStatus = programme.Status;
        // Through the access filter: the first talk leads to the candidacy only for those who may open it.
        CandidacyId = programme.CandidacyId is int candidacy && await db.SelectionCandidates.AsNoTracking().AnyAsync(c => c.Id == candidacy, ct) ? candidacy : null;
        ModelStep = ProgrammeModelJson.Read(programme.TemplateJson).Steps.FirstOrDefault(s => s.Key == step.Key);
        Today = ProgrammePlanning.Today(clock);
        var scope = current.Scope;
        var active = programme.Status == ProgrammeStatus.Active;
        CanEdit = active && scope.Can(Permission.RunProgramme, step);
        CanMarkDone = active && !CanEdit && (step.Responsible == StepResponsible.School && scope.Can(Permission.ActForSchool, step)) && step.Status != StepStatus.Cancelled;
        return true;
    }
}
