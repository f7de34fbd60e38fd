using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Programmes.Agreement;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;

namespace Stillas.Web.Features.Programmes.Sessions;

/// <summary>The leadership's evaluation of a session (seed 000 § 3.4, Del 4), and everybody's answers.</summary>
public sealed class EvaluateModel(StillasDb db, CurrentScope current, TimeProvider clock) : PageModel
{
    public ProgrammeHead Programme { get; private set; } = default!;
    public SessionView Session { get; private set; } = default!;
    public List<SessionEvaluation> Answers { get; private set; } = [];
    public bool CanAnswer { get; private set; }
    [BindProperty] public SessionService.EvaluationInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = Answers.FirstOrDefault(a => a.PersonId == current.Scope.PersonId) is { } mine
            ? new() { Clearer = mine.Clearer, TakeAway = mine.TakeAway, Interest = mine.Interest, Overall = mine.Overall, Rating = mine.Rating, Version = mine.Version }
            : new() { Version = 0 };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanAnswer) return Forbid();
        foreach (var (f, m) in SessionService.Check(Input)) ModelState.AddModelError($"Input.{f}", m);
        if (!ModelState.IsValid) return Page();
        var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == id, ct);
        try
        {
            await SessionService.SaveEvaluationAsync(db, session, current.Scope, Input, clock, ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            // Saved in another tab meanwhile: show both, keep this text in the form, carry the stored version.
            await EditConflicts.ShowAsync(db, this, ex, ct);
            await LoadAsync(id, ct);
            return Page();
        }
        TempData["Message"] = Platform.Text.L.T("Takk! Evalueringen er lagret.");
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var s = await SessionService.SessionAsync(db, id, ct);
        if (s is null) return false;
        var p = await ProgrammeHead.LoadAsync(db, s.ProgrammeId, ct);
        if (p is null) return false;
        (Session, Programme) = (s, p);
        CanAnswer = current.Scope.Can(Permission.ActForSchool, p) && current.Scope.PersonId is not null;
        Answers = await db.SessionEvaluations.AsNoTracking().Where(e => e.SessionId == id).OrderBy(e => e.CreatedAt).ToListAsync(ct);
        return true;
    }
}
