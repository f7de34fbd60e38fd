using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Programmes.Sessions;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;

namespace Stillas.Web.Features.Programmes;

/// <summary>
/// Finds where a step's work is and redirects there (<see cref="StepLinks.ResolveUrl"/>): the address a start page,
/// a calendar event or a mail can give for any step without knowing more than its id. A session step leads to its
/// session (made now, as the sessions page makes it, when one who runs the programme comes first; a reader before
/// then goes to the programme's sessions); the first talk to the selection round's candidacy when the reader may
/// open it; every other step to its page (<see cref="StepLinks.WorkUrl(int, int, StepKind, string, string, int?, int?)"/>).
/// A step outside the reader's scope is not found (404), as everywhere.
/// </summary>
public sealed class StepWorkModel(StillasDb db, CurrentScope current) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var step = await db.PlanSteps.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new { s.Id, s.ProgrammeId, s.Kind, s.Key, s.PhaseKey }).SingleOrDefaultAsync(ct);
        if (step is null) return NotFound();
        int? sessionId = null, candidacyId = null;
        switch (StepLinks.PlaceOf(step.Kind, step.Key, step.PhaseKey))
        {
            case StepPlace.Session:
                sessionId = await SessionOfAsync(step.Id, ct);
                if (sessionId is null)
                {
                    var head = await ProgrammeHead.LoadAsync(db, step.ProgrammeId, ct);
                    if (head is not null && head.IsActive && current.Scope.Can(Permission.RunProgramme, head))
                    {
                        await SessionService.SessionsAsync(db, current.Scope, head, ct);
                        sessionId = await SessionOfAsync(step.Id, ct);
                    }
                }
                if (sessionId is null) return Redirect($"/Programmes/Sessions/{step.ProgrammeId}");
                break;
            case StepPlace.FirstTalk:
                // Through the access filter: the owner's staff, the assigned team and the school's leaders see the candidacy.
                candidacyId = await db.Programmes.AsNoTracking().Where(p => p.Id == step.ProgrammeId && p.CandidacyId != null)
                    .SelectMany(p => db.SelectionCandidates.Where(c => c.Id == p.CandidacyId).Select(c => (int?)c.Id)).FirstOrDefaultAsync(ct);
                break;
        }
        return Redirect(StepLinks.WorkUrl(step.Id, step.ProgrammeId, step.Kind, step.Key, step.PhaseKey, sessionId, candidacyId));
    }

    private Task<int?> SessionOfAsync(int stepId, CancellationToken ct) =>
        db.Set<GuidanceSession>().AsNoTracking().Where(s => s.PlanStepId == stepId).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
}
