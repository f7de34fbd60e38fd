using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Teams;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Selection;

/// <summary>
/// One selection round: its facts and deadline, the candidate schools with the first talk, decision and
/// team, the teams' capacity in the school year, and the schools whose turn it may be. The owner's
/// administrator adds and removes candidates and closes the round; development advisors follow up.
/// </summary>
public sealed class DetailsModel(StillasDb db, CurrentScope current, TimeProvider clock) : PageModel
{
    public sealed record RoundView(int Id, int OwnerId, string OwnerName, string SchoolYear, string Title, DateOnly Deadline, RoundStatus Status);
    public sealed record CandidateRow(int Id, int SchoolId, string School, string Reason, ReasonSource Source, DateOnly? FirstTalkDate,
        CandidateDecision Decision, string? Team, int? TeamId, bool HasNotes);

    public RoundView Round { get; private set; } = default!;
    public List<CandidateRow> Candidates { get; private set; } = [];
    public ILookup<int, string> Warnings { get; private set; } = Array.Empty<(int, string)>().ToLookup(w => w.Item1, w => w.Item2);
    public List<SelectionRules.TeamLoad> Loads { get; private set; } = [];
    public List<SelectionRules.Suggestion> Suggestions { get; private set; } = [];
    public List<SelectListItem> SchoolOptions { get; private set; } = [];
    public bool CanManage { get; private set; }

    /// <summary>The add-candidate form; bound only by its own handler.</summary>
    public NewCandidateInput Candidate { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, int? school, CancellationToken ct)
    {
        var refused = await LoadAsync(id, ct);
        if (refused is not null) return refused;
        // A suggestion's link preselects the school in the add form.
        if (school is int s && SchoolOptions.Any(o => o.Value == s.ToString(System.Globalization.CultureInfo.InvariantCulture))) Candidate.SchoolId = s;
        return Page();
    }

    public async Task<IActionResult> OnPostAddCandidateAsync(int id, CancellationToken ct)
    {
        var round = await db.SelectionRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (round is null) return NotFound();
        if (!current.Scope.Can(Permission.ManageSelection, round.OwnerId)) return Forbid();
        await TryUpdateModelAsync(Candidate, nameof(Candidate));
        foreach (var (field, message) in await Candidate.CheckAsync(db, round, ct))
            ModelState.AddModelError($"{nameof(Candidate)}.{field}", message);
        if (!ModelState.IsValid)
        {
            await LoadAsync(id, ct);
            return Page();
        }
        var candidate = Candidate.ToCandidate(round);
        db.SelectionCandidates.Add(candidate);
        await db.SaveChangesAsync(ct);
        var name = await db.Schools.Where(s => s.Id == candidate.SchoolId).Select(s => s.Name).SingleAsync(ct);
        TempData["Message"] = L.T("{0} er lagt til som kandidat. Registrer første samtale når den er holdt.", name);
        return RedirectToPage(new { id });
    }

    /// <summary>Removes a candidacy added by mistake; one with a first talk or a decision is history and stays.</summary>
    public async Task<IActionResult> OnPostRemoveCandidateAsync(int id, int candidateId, CancellationToken ct)
    {
        var candidate = await db.SelectionCandidates.Include(c => c.School).SingleOrDefaultAsync(c => c.Id == candidateId && c.RoundId == id, ct);
        if (candidate is null) return NotFound();
        if (!current.Scope.Can(Permission.ManageSelection, candidate.OwnerId)) return Forbid();
        if (candidate.Decision != CandidateDecision.Pending || candidate.FirstTalkDate is not null)
        {
            TempData["Message"] = L.T("{0} har første samtale eller beslutning registrert og blir stående som historikk. Sett beslutningen til «Utsatt» eller «Takket nei» i stedet.", candidate.School?.Name);
            return RedirectToPage(new { id });
        }
        db.SelectionCandidates.Remove(candidate);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = L.T("{0} er fjernet fra runden.", candidate.School?.Name);
        return RedirectToPage(new { id });
    }

    public Task<IActionResult> OnPostCloseAsync(int id, CancellationToken ct) => SetStatusAsync(id, RoundStatus.Closed, ct);
    public Task<IActionResult> OnPostReopenAsync(int id, CancellationToken ct) => SetStatusAsync(id, RoundStatus.Open, ct);

    private async Task<IActionResult> SetStatusAsync(int id, RoundStatus status, CancellationToken ct)
    {
        var round = await db.SelectionRounds.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (round is null) return NotFound();
        if (!current.Scope.Can(Permission.ManageSelection, round.OwnerId)) return Forbid();
        round.Status = status;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = status == RoundStatus.Closed ? L.T("Utvalgsrunden for {0} er avsluttet.", round.SchoolYear) : L.T("Utvalgsrunden for {0} er åpnet igjen.", round.SchoolYear);
        return RedirectToPage(new { id });
    }

    /// <summary>Loads the page; returns a result when the round is not there or not the user's to follow up.</summary>
    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var round = await db.SelectionRounds.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new RoundView(r.Id, r.OwnerId, r.Owner!.Name, r.SchoolYear, r.Title, r.AgreementDeadline, r.Status))
            .SingleOrDefaultAsync(ct);
        if (round is null) return NotFound();
        if (!current.Scope.Can(Permission.FollowUpSelection, round.OwnerId)) return Forbid();
        Round = round;
        CanManage = current.Scope.Can(Permission.ManageSelection, round.OwnerId);
        var today = TeamRules.Today(clock);

        var rows = await db.SelectionCandidates.AsNoTracking().Where(c => c.RoundId == id)
            .OrderBy(c => c.School!.Name)
            .Select(c => new { c.Id, c.SchoolId, School = c.School!.Name, c.Reason, c.ReasonSource, c.FirstTalkDate, c.Decision, Team = c.Team != null ? c.Team.Name : null, c.TeamId, HasNotes = c.FirstTalkNotes != null })
            .ToListAsync(ct);
        Candidates = rows.Select(c => new CandidateRow(c.Id, c.SchoolId, c.School, c.Reason, c.ReasonSource, c.FirstTalkDate, c.Decision, c.Team, c.TeamId, c.HasNotes)).ToList();
        Warnings = await SelectionRules.WarningsAsync(db,
            Candidates.Select(c => new SelectionRules.CandidateFacts(c.Id, round.OwnerId, c.SchoolId, round.SchoolYear, round.Deadline, round.Status, c.TeamId, c.Decision, c.FirstTalkDate)).ToList(),
            today, ct);
        Loads = await SelectionRules.TeamLoadsAsync(db, round.OwnerId, round.SchoolYear, null, ct);

        if (CanManage && round.Status == RoundStatus.Open)
        {
            Suggestions = await SelectionRules.SuggestionsAsync(db, round.OwnerId, round.Id, round.SchoolYear, ct);
            var entity = new SelectionRound { Id = round.Id, OwnerId = round.OwnerId, SchoolYear = round.SchoolYear, Title = round.Title };
            SchoolOptions = await NewCandidateInput.Schools(db, entity).OrderBy(s => s.Name)
                .Select(s => new SelectListItem(s.Name, s.Id.ToString())).ToListAsync(ct);
        }
        return null;
    }
}
