using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Features.Programmes.Agreement;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;
using Stillas.Web.Platform.Web;

namespace Stillas.Web.Features.Programmes.Sessions;

/// <summary>A programme's sessions: dates, interim work, where the school stands in the learning cycle, evaluations and the follow-up meeting.</summary>
public sealed class IndexModel(StillasDb db, CurrentScope current, TimeProvider clock) : PageModel
{
    public ProgrammeHead Programme { get; private set; } = default!;
    public List<SessionView> Sessions { get; private set; } = [];
    public Dictionary<int, InterimWorkAgreement> Agreements { get; private set; } = [];
    public Dictionary<int, InterimWorkFeedback> Feedback { get; private set; } = [];
    public List<SessionService.EvaluationSummary> Evaluations { get; private set; } = [];
    public List<PhaseEvaluation> Phases { get; private set; } = [];
    public PlanStep? FollowUp { get; private set; }
    public bool CanRun { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(int programmeId, CancellationToken ct)
    {
        var p = await ProgrammeHead.LoadAsync(db, programmeId, ct);
        if (p is null) return NotFound();
        Programme = p;
        CanRun = current.Scope.Can(Permission.RunProgramme, p);
        Today = DateOnly.FromDateTime(NorwegianTime.ToOslo(clock.GetUtcNow()).DateTime);
        Sessions = await SessionService.SessionsAsync(db, current.Scope, p, ct);
        var agreements = await db.InterimWorkAgreements.AsNoTracking().Where(a => a.ProgrammeId == programmeId && (CanRun || a.Status != InterimWorkStatus.Draft)).ToListAsync(ct);
        Agreements = agreements.GroupBy(a => a.SessionId).ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.Version).First());
        Feedback = await db.InterimWorkFeedback.AsNoTracking().Where(f => f.Session!.ProgrammeId == programmeId).ToDictionaryAsync(f => f.SessionId, ct);
        Evaluations = await SessionService.EvaluationSummaryAsync(db, programmeId, ct);
        Phases = await db.PhaseEvaluations.AsNoTracking().Where(e => e.ProgrammeId == programmeId).ToListAsync(ct);
        FollowUp = await db.PlanSteps.AsNoTracking().Where(s => s.ProgrammeId == programmeId && s.Kind == StepKind.FollowUp).OrderBy(s => s.Order).FirstOrDefaultAsync(ct);
        return Page();
    }

    /// <summary>The flag the team sees beside an agreement: feedback received, late, missing.</summary>
    public (string Text, string Color) FeedbackState(int sessionId)
    {
        if (!Agreements.TryGetValue(sessionId, out var a)) return (L.T("Ingen avtale ennå"), "neutral");
        if (a.Status == InterimWorkStatus.Draft) return (L.T("Avtalen er ikke sendt"), "warning");
        if (Feedback.TryGetValue(sessionId, out var f) && f.SubmittedAt is not null)
            return f.Late ? (L.T("Tilbakemelding kom etter fristen"), "warning") : (L.T("Tilbakemelding mottatt"), "success");
        return Today > a.FeedbackDeadline ? (L.T("Tilbakemelding mangler (frist {0})", NorwegianTime.Date(a.FeedbackDeadline)), "danger") : (L.T("Venter på tilbakemelding innen {0}", NorwegianTime.Date(a.FeedbackDeadline)), "info");
    }
}
