using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Programmes.FollowUp;

/// <summary>
/// The follow-up meeting a year after the last session (Fase 6): its record, and "Avslutt forløpet", which saves
/// the record, marks the follow-up step done and completes the programme in one save.
/// </summary>
public sealed class IndexModel(StillasDb db, CurrentScope current, TimeProvider clock) : PageModel
{
    public const string StepKey = "fase6.followup";

    public ProgrammeHead Programme { get; private set; } = default!;
    public FollowUpMeeting? Record { get; private set; }
    /// <summary>The plan's follow-up step (its date is the meeting's planned date).</summary>
    public (int Id, DateOnly Date, StepStatus Status)? Step { get; private set; }
    public bool CanRun { get; private set; }
    public bool CanRate { get; private set; }
    [BindProperty] public FollowUpInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int programmeId, CancellationToken ct)
    {
        if (!await LoadAsync(programmeId, ct)) return NotFound();
        Input = Record is { } r
            ? new() { MeetingDate = r.MeetingDate, Participants = r.Participants, Lasted = r.Lasted, NotLasted = r.NotLasted, NextSteps = r.NextSteps, Version = r.Version }
            : new() { MeetingDate = Step?.Date };
        return Page();
    }

    public Task<IActionResult> OnPostAsync(int programmeId, CancellationToken ct) => SaveAsync(programmeId, close: false, ct);

    /// <summary>"Avslutt forløpet": the record saved, the follow-up step done and the programme completed, together.</summary>
    public Task<IActionResult> OnPostCloseAsync(int programmeId, CancellationToken ct) => SaveAsync(programmeId, close: true, ct);

    private async Task<IActionResult> SaveAsync(int programmeId, bool close, CancellationToken ct)
    {
        if (!await LoadAsync(programmeId, ct)) return NotFound();
        if (!CanRun) return Forbid();
        if (close && string.IsNullOrWhiteSpace(Input.Participants))
            ModelState.AddModelError("Input.Participants", L.T("Skriv hvem som deltok før forløpet avsluttes."));
        if (!ModelState.IsValid) return Page();
        var row = await db.Set<FollowUpMeeting>().SingleOrDefaultAsync(m => m.ProgrammeId == programmeId, ct);
        var programme = await db.Programmes.SingleAsync(p => p.Id == programmeId, ct);
        if (row is null)
        {
            row = new FollowUpMeeting { ProgrammeId = programmeId }.PlaceIn(programme);
            db.Set<FollowUpMeeting>().Add(row);
        }
        else
        {
            db.Expect(row, Input.Version);
        }
        var now = clock.GetUtcNow();
        row.MeetingDate = Input.MeetingDate!.Value;
        row.Participants = Clean(Input.Participants);
        row.Lasted = Clean(Input.Lasted);
        row.NotLasted = Clean(Input.NotLasted);
        row.NextSteps = Clean(Input.NextSteps);
        row.RecordedByName = current.Scope.ActorName;
        row.RecordedAt = now;
        if (close)
        {
            row.ClosedProgrammeAt = now;
            row.ClosedProgrammeBy = current.Scope.ActorName;
            programme.Status = ProgrammeStatus.Completed;
            var step = await db.PlanSteps.SingleOrDefaultAsync(s => s.ProgrammeId == programmeId && s.Key == StepKey, ct);
            if (step is not null && step.IsOpen)
            {
                step.Status = StepStatus.Done;
                step.DoneAt = now;
            }
        }
        try
        {
            if (!await db.TrySaveAsync(this, ct))
            {
                await LoadAsync(programmeId, ct);
                Input.Version = Record?.Version ?? 0;
                return Page();
            }
        }
        catch (DbUpdateException) when (Record is null)
        {
            // Two wrote the first record at once: theirs is kept, this text stays in the form.
            db.ChangeTracker.Clear();
            await LoadAsync(programmeId, ct);
            ModelState.AddModelError("", L.T("Noen andre lagret referatet samtidig. Se over teksten deres nedenfor, og lagre på nytt."));
            Input.Version = Record?.Version ?? 0;
            return Page();
        }
        TempData["Message"] = close ? L.T("Referatet er lagret, og forløpet er avsluttet.") : L.T("Referatet fra oppfølgingsmøtet er lagret.");
        return RedirectToPage(new { programmeId });
    }

    private async Task<bool> LoadAsync(int programmeId, CancellationToken ct)
    {
        var p = await ProgrammeHead.LoadAsync(db, programmeId, ct);
        if (p is null) return false;
        Programme = p;
        CanRun = current.Scope.Can(Permission.RunProgramme, p);
        CanRate = Objectives.Objectives.MayRate(current.Scope, p);
        Record = await db.Set<FollowUpMeeting>().AsNoTracking().SingleOrDefaultAsync(m => m.ProgrammeId == programmeId, ct);
        var step = await db.PlanSteps.AsNoTracking().Where(s => s.ProgrammeId == programmeId && s.Key == StepKey)
            .Select(s => new { s.Id, s.Date, s.Status }).FirstOrDefaultAsync(ct);
        Step = step is null ? null : (step.Id, step.Date, step.Status);
        return true;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
