using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Programmes.Agreement;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;

namespace Stillas.Web.Features.Programmes.Sessions;

/// <summary>The evaluation after sessions 4 and 8: the principal's feedback and the evaluation meeting's record.</summary>
public sealed class PhaseModel(StillasDb db, CurrentScope current, TimeProvider clock) : PageModel
{
    public ProgrammeHead Programme { get; private set; } = default!;
    public string PhaseKey { get; private set; } = "";
    public PhaseEvaluation? Evaluation { get; private set; }
    public bool CanRun { get; private set; }
    public bool CanAnswer { get; private set; }
    [BindProperty] public SessionService.PhaseFeedbackInput Feedback { get; set; } = new();
    /// <summary>The owner's yearly evaluation of process and model that records this phase's evaluation meeting (one meeting for all the year's programmes).</summary>
    public string? YearlyEvaluationLink { get; private set; }
    public string? YearlyEvaluationYear { get; private set; }

    public async Task<IActionResult> OnGetAsync(int programmeId, string phase, CancellationToken ct)
    {
        if (!await LoadAsync(programmeId, phase, ct)) return NotFound();
        if (Evaluation is { } e)
        {
            Feedback = new() { WorkedWell = e.WorkedWell, ToImprove = e.ToImprove, Other = e.FeedbackOther };
        }
        Feedback.Version = Evaluation?.Version ?? 0;
        return Page();
    }

    public async Task<IActionResult> OnPostFeedbackAsync(int programmeId, string phase, CancellationToken ct)
    {
        if (!await LoadAsync(programmeId, phase, ct)) return NotFound();
        if (!CanAnswer) return Forbid();
        ModelState.Clear();
        foreach (var (f, m) in SessionService.Check(Feedback)) ModelState.AddModelError($"Feedback.{f}", m);
        if (!ModelState.IsValid) return Page();
        try
        {
            await SessionService.SavePhaseFeedbackAsync(db, Programme, phase, current.Scope, Feedback, clock, ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            return await ConflictAsync(ex, programmeId, phase, ct);
        }
        TempData["Message"] = Platform.Text.L.T("Tilbakemeldingen er lagret.");
        return RedirectToPage(new { programmeId, phase });
    }

    /// <summary>Someone saved the evaluation meanwhile: both versions shown, the typed text kept, both forms carrying the stored version.</summary>
    private async Task<IActionResult> ConflictAsync(DbUpdateConcurrencyException ex, int programmeId, string phase, CancellationToken ct)
    {
        await EditConflicts.ShowAsync(db, this, ex, ct);
        await LoadAsync(programmeId, phase, ct);
        Feedback.Version = Evaluation?.Version ?? 0;
        return Page();
    }

    private async Task<bool> LoadAsync(int programmeId, string phase, CancellationToken ct)
    {
        if (!SessionService.EvaluatedPhases.Contains(phase)) return false;
        var p = await ProgrammeHead.LoadAsync(db, programmeId, ct);
        if (p is null) return false;
        (Programme, PhaseKey) = (p, phase);
        CanRun = current.Scope.Can(Permission.RunProgramme, p);
        CanAnswer = current.Scope.Can(Permission.ActForSchool, p);
        var meetingDate = await db.PlanSteps.AsNoTracking().Where(s => s.ProgrammeId == programmeId && s.Key == phase + ".evaluationmeeting").Select(s => (DateOnly?)s.Date).FirstOrDefaultAsync(ct);
        if (meetingDate is { } md)
        {
            var year = Platform.Calendar.SchoolYear.Of(md);
            (YearlyEvaluationLink, YearlyEvaluationYear) = (global::Stillas.Web.Features.Programmes.Evaluation.YearlyEvaluations.Link(p.OwnerId, year), year.ToString());
        }
        Evaluation = await db.PhaseEvaluations.AsNoTracking().SingleOrDefaultAsync(e => e.ProgrammeId == programmeId && e.PhaseKey == phase, ct);
        return true;
    }
}
