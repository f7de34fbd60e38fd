using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Models;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Programmes;

/// <summary>One programme: school, team, model and version, the phase it is in, and its plan as a task list per phase.</summary>
public sealed class DetailsModel(StillasDb db, CurrentScope current, TimeProvider clock) : PageModel
{
    public sealed record ProgrammeView(int Id, int OwnerId, string Owner, int SchoolId, string School, int TeamId, string? Team, string SchoolYear,
        string TemplateKey, int TemplateVersion, string TemplateName, string TemplateJson, DateOnly StartDate, ProgrammeStatus Status, int? CandidacyId = null) : IProgrammeResource
    {
        public int OwnerId { get; set; } = OwnerId;
        public int SchoolId { get; set; } = SchoolId;
        public int TeamId { get; set; } = TeamId;
        public bool IsActive => Status == ProgrammeStatus.Active;
    }
    public sealed record StepRow(int Id, string Key, string Title, string PhaseKey, string PhaseName, StepKind Kind, StepResponsible Responsible, DateOnly Date, DateOnly? EndDate,
        DateOnly OriginalDate, StepStatus Status, string? ResponsibleNote, string? Note, int? Hours, int Order)
    {
        public bool Overdue(DateOnly today) => ProgrammePlanning.IsOverdue(Status, Date, EndDate, today);
    }

    public ProgrammeView Programme { get; private set; } = default!;
    public List<StepRow> Steps { get; private set; } = [];
    public Dictionary<string, TemplatePhase> Phases { get; private set; } = [];
    public string? CurrentPhaseKey { get; private set; }
    public DateOnly Today { get; private set; }
    public bool CanManage { get; private set; }
    public bool CanEditSteps { get; private set; }
    public bool IsSchoolLeader { get; private set; }
    /// <summary>Only the Forfase steps so far: the dated plan is made when both sides have approved the agreement.</summary>
    public bool AwaitsAgreement { get; private set; }
    /// <summary>The team's name and members, also for a school's people who do not see the team itself.</summary>
    public ProgrammeTeamNames.TeamNames? TeamNames { get; private set; }
    /// <summary>
    /// The selection round's candidacy the programme started from, when the user sees it (the owner's staff, the team
    /// assigned to it, the school's leaders): the candidacy page opens for all of them, read-only for those who do not
    /// follow up the round. Removed from its round, the candidacy is gone and so is the link.
    /// </summary>
    public (int Id, string SchoolYear)? Candidacy { get; private set; }
    /// <summary>The final assessment report's questions for reflection, shown under session 1 (where session 1 opens).</summary>
    public IReadOnlyList<Assessment.ReflectionQuestions> ReflectionQuestions { get; private set; } = [];
    public int? Session1StepId { get; private set; }
    /// <summary>The stored plan from Fase 1 on (cancelled steps left out), for the agreement period's check; empty while the dated plan waits.</summary>
    public IReadOnlyList<Agreement.AgreementPeriod.PlanDay> PeriodPlan { get; private set; } = [];
    public List<StepRow> OverdueSteps => [.. Steps.Where(s => s.Overdue(Today))];
    /// <summary>The sessions made so far, by their plan step: a session step links straight to its session.</summary>
    public Dictionary<int, int> SessionByStep { get; private set; } = [];

    /// <summary>Where a step's work is (<see cref="StepLinks"/>): its session, the assessment days, the agreement …</summary>
    public string WorkUrl(StepRow s) =>
        StepLinks.WorkUrl(s.Id, Programme.Id, s.Kind, s.Key, s.PhaseKey, SessionByStep.TryGetValue(s.Id, out var session) ? session : null, Candidacy?.Id);

    /// <summary>The step's phase when it lies before the phase the programme is in now ("fra Fase 2" beside a late step).</summary>
    public string? EarlierPhase(StepRow s) =>
        CurrentPhaseKey is string now && s.PhaseKey != now && Steps.FirstOrDefault(x => x.PhaseKey == now) is { } first && s.Order < first.Order ? s.PhaseName : null;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var programme = await db.Programmes.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new ProgrammeView(p.Id, p.OwnerId, p.Owner!.Name, p.SchoolId, p.School!.Name, p.TeamId,
                db.Teams.Where(t => t.Id == p.TeamId).Select(t => t.Name).FirstOrDefault(), p.SchoolYear,
                p.TemplateKey, p.TemplateVersion, p.TemplateName, p.TemplateJson, p.StartDate, p.Status, p.CandidacyId))
            .SingleOrDefaultAsync(ct);
        if (programme is null) return NotFound();
        Programme = programme;
        Today = ProgrammePlanning.Today(clock);
        Steps = await db.PlanSteps.AsNoTracking().Where(s => s.ProgrammeId == id).OrderBy(s => s.Order)
            .Select(s => new StepRow(s.Id, s.Key, s.Title, s.PhaseKey, s.PhaseName, s.Kind, s.Responsible, s.Date, s.EndDate, s.OriginalDate, s.Status, s.ResponsibleNote, s.Note, s.Hours, s.Order))
            .ToListAsync(ct);
        var template = ProgrammeModelJson.Read(programme.TemplateJson);
        Phases = template.Phases.ToDictionary(p => p.Key);
        var pre = ProgrammePlanning.PrePhaseKey(template);
        PeriodPlan = [.. Steps.Where(s => s.PhaseKey != pre && s.Status != StepStatus.Cancelled).Select(s => new Agreement.AgreementPeriod.PlanDay(s.Title, s.Date, s.EndDate ?? s.Date))];
        AwaitsAgreement = ProgrammePlanning.AwaitsAgreement(programme.TemplateJson, Steps.Select(s => s.PhaseKey));
        TeamNames = await ProgrammeTeamNames.ForReadProgrammeAsync(db, programme, ct);
        SessionByStep = (await db.Set<Sessions.GuidanceSession>().AsNoTracking().Where(s => s.ProgrammeId == id)
            .Select(s => new { s.PlanStepId, s.Id }).ToListAsync(ct)).DistinctBy(s => s.PlanStepId).ToDictionary(s => s.PlanStepId, s => s.Id);
        // Through the access filter: shown and linked only for those who may open the candidacy.
        var candidacy = programme.CandidacyId is not int candidacyId ? null
            : await db.SelectionCandidates.AsNoTracking().Where(c => c.Id == candidacyId).Select(c => new { c.Id, c.SchoolYear }).FirstOrDefaultAsync(ct);
        Candidacy = candidacy is null ? null : (candidacy.Id, candidacy.SchoolYear);
        // The same rule as the lists' summary: the phase of the last step (in the model's order) whose date has come.
        // The same rule as ProgrammePlanning.Summaries: the phase of the first step whose last day has not passed.
        CurrentPhaseKey = Steps.Where(s => s.Status != StepStatus.Cancelled && (s.EndDate ?? s.Date) >= Today).MinBy(s => s.Order)?.PhaseKey ?? Steps.MaxBy(s => s.Order)?.PhaseKey;
        Session1StepId = Steps.FirstOrDefault(s => s.Key == Assessment.AssessmentRules.Session1Key)?.Id;
        if (Session1StepId is not null) ReflectionQuestions = await Assessment.AssessmentReports.ReflectionQuestionsAsync(db, id, ct);
        var scope = current.Scope;
        CanManage = scope.Can(Permission.ManageProgrammes, programme.OwnerId);
        CanEditSteps = scope.Can(Permission.RunProgramme, programme);
        IsSchoolLeader = scope.Can(Permission.ActForSchool, programme);
        return Page();
    }

    /// <summary>Pause, resume, complete or cancel the programme (owner administrator).</summary>
    public async Task<IActionResult> OnPostStatusAsync(int id, ProgrammeStatus status, CancellationToken ct)
    {
        var programme = await db.Programmes.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (programme is null) return NotFound();
        if (!current.Scope.Can(Permission.ManageProgrammes, programme.OwnerId)) return Forbid();
        if (!Enum.IsDefined(status)) return BadRequest();
        programme.Status = status;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = status switch
        {
            ProgrammeStatus.Active => L.T("Forløpet er aktivt igjen."),
            ProgrammeStatus.Paused => L.T("Forløpet er satt på pause. Stegene kan ikke endres før det er aktivt igjen."),
            ProgrammeStatus.Completed => L.T("Forløpet er markert som fullført."),
            _ => L.T("Forløpet er avbrutt."),
        };
        return RedirectToPage(new { id });
    }
}
