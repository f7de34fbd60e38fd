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
/// Follow-up of one candidate school: the first talk (date and notes), the decision and the team that
/// will guide, with the team's capacity and conflicts of interest shown before and after saving, and
/// the school's offer history. Development advisors record the first talk; the owner's administrator
/// also decides, assigns the team and corrects the reason.
/// </summary>
public sealed class CandidateModel(StillasDb db, CurrentScope current, TimeProvider clock) : PageModel
{
    public sealed record CandidateView(int Id, int RoundId, int OwnerId, int SchoolId, string SchoolName, string SchoolYear, string RoundTitle,
        DateOnly Deadline, RoundStatus RoundStatus, string Reason, ReasonSource Source, DateOnly? FirstTalkDate, string? FirstTalkNotes,
        CandidateDecision Decision, string? DecisionNote, DateTimeOffset? DecidedAt, int? TeamId, string? TeamName, int Version, DateTimeOffset CreatedAt);

    public CandidateView Candidate { get; private set; } = default!;
    public List<string> Warnings { get; private set; } = [];
    public List<SelectionRules.HistoryRow> History { get; private set; } = [];
    public List<SelectListItem> TeamOptions { get; private set; } = [];
    /// <summary>Conflicts per team for this school, shown while choosing a team.</summary>
    public List<SelectionRules.Conflict> TeamConflicts { get; private set; } = [];
    public bool CanDecide { get; private set; }
    /// <summary>The reader sees the candidacy without following up the round (the assigned team, the school's leaders): no forms, no round.</summary>
    public bool ReadOnly { get; private set; }
    /// <summary>The programme started from this candidacy, when there is one (the link both ways).</summary>
    public (int Id, DateOnly StartDate)? Programme { get; private set; }
    /// <summary>Accepted, a team assigned, no programme yet, and the user starts programmes for the owner.</summary>
    public bool CanStartProgramme { get; private set; }
    /// <summary>Set when a save met a newer version: what is saved now, shown next to what the user typed.</summary>
    public CandidateView? Saved { get; private set; }

    public CandidateInput Input { get; set; } = new();
    public CandidateReasonInput ReasonForm { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var refused = await LoadAsync(id, ct);
        if (refused is not null) return refused;
        Input = new CandidateInput
        {
            FirstTalkDate = Candidate.FirstTalkDate, FirstTalkNotes = Candidate.FirstTalkNotes, Decision = Candidate.Decision,
            DecisionNote = Candidate.DecisionNote, TeamId = Candidate.TeamId, Version = Candidate.Version,
        };
        ReasonForm = new CandidateReasonInput { Reason = Candidate.Reason, ReasonSource = Candidate.Source, Version = Candidate.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var candidate = await db.SelectionCandidates.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (candidate is null) return NotFound();
        if (!current.Scope.Can(Permission.FollowUpSelection, candidate.OwnerId)) return Forbid();
        await TryUpdateModelAsync(Input, nameof(Input));
        if (!current.Scope.Can(Permission.ManageSelection, candidate.OwnerId))
        {
            // A development advisor records the first talk; the decision and the team stay as they are.
            Input.Decision = candidate.Decision;
            Input.DecisionNote = candidate.DecisionNote;
            Input.TeamId = candidate.TeamId;
            foreach (var key in new[] { "Input.Decision", "Input.DecisionNote", "Input.TeamId" }) ModelState.Remove(key);
        }
        if (ModelState.IsValid)
            foreach (var (field, message) in await Input.CheckAsync(db, candidate, ct))
                ModelState.AddModelError($"{nameof(Input)}.{field}", message);
        if (!ModelState.IsValid)
        {
            await LoadAsync(id, ct);
            ReasonForm = new CandidateReasonInput { Reason = Candidate.Reason, ReasonSource = Candidate.Source, Version = Candidate.Version };
            return Page();
        }

        if (!await SaveAsync(candidate, Input.Version!.Value, () => Input.Apply(candidate, clock.GetUtcNow()), ct))
        {
            await ShowConflictAsync(id, "Input", ct);
            ReasonForm = new CandidateReasonInput { Reason = Candidate.Reason, ReasonSource = Candidate.Source, Version = Candidate.Version };
            return Page();
        }
        TempData["Message"] = L.T("Endringene er lagret.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostReasonAsync(int id, CancellationToken ct)
    {
        var candidate = await db.SelectionCandidates.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (candidate is null) return NotFound();
        if (!current.Scope.Can(Permission.ManageSelection, candidate.OwnerId)) return Forbid();
        await TryUpdateModelAsync(ReasonForm, nameof(ReasonForm));
        foreach (var (field, message) in ReasonForm.CheckSource())
            ModelState.AddModelError($"{nameof(ReasonForm)}.{field}", message);
        if (!ModelState.IsValid)
        {
            await LoadAsync(id, ct);
            Input = CandidateInput.From(candidate);
            return Page();
        }
        var saved = await SaveAsync(candidate, ReasonForm.Version!.Value, () =>
        {
            candidate.Reason = ReasonForm.Reason.Trim();
            candidate.ReasonSource = ReasonForm.ReasonSource!.Value;
            candidate.Version++;
        }, ct);
        if (!saved)
        {
            await ShowConflictAsync(id, "ReasonForm", ct);
            Input = CandidateInput.From(candidate);
            return Page();
        }
        TempData["Message"] = L.T("Begrunnelsen er lagret.");
        return RedirectToPage(new { id });
    }

    /// <summary>Saves from the version the user saw; false when someone else saved in between.</summary>
    private async Task<bool> SaveAsync(SelectionCandidate candidate, int seenVersion, Action apply, CancellationToken ct)
    {
        if (seenVersion != candidate.Version) return false;
        db.Entry(candidate).Property(c => c.Version).OriginalValue = seenVersion;
        apply();
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    private async Task ShowConflictAsync(int id, string form, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        Saved = Candidate;
        ModelState.AddModelError("", L.T("Noen andre har lagret endringer i mellomtiden. Det som er lagret nå, står nedenfor, og det du skrev, står fortsatt i skjemaet. Lagre på nytt hvis ditt skal gjelde."));
        // The next save starts from what is saved now, so a deliberate second save goes through.
        ModelState.Remove($"{form}.Version");
        if (form == "Input") Input.Version = Candidate.Version;
        else ReasonForm.Version = Candidate.Version;
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var c = await db.SelectionCandidates.AsNoTracking().Where(x => x.Id == id)
            // The round by subqueries, not a join: the team and the school's leaders see the candidacy without its round.
            .Select(x => new CandidateView(x.Id, x.RoundId, x.OwnerId, x.SchoolId, x.School!.Name, x.SchoolYear,
                db.SelectionRounds.Where(r => r.Id == x.RoundId).Select(r => r.Title).FirstOrDefault() ?? "",
                db.SelectionRounds.Where(r => r.Id == x.RoundId).Select(r => (DateOnly?)r.AgreementDeadline).FirstOrDefault() ?? default,
                db.SelectionRounds.Where(r => r.Id == x.RoundId).Select(r => (RoundStatus?)r.Status).FirstOrDefault() ?? RoundStatus.Closed, x.Reason, x.ReasonSource, x.FirstTalkDate, x.FirstTalkNotes,
                x.Decision, x.DecisionNote, x.DecidedAt, x.TeamId, x.Team != null ? x.Team.Name : null, x.Version, x.CreatedAt))
            .SingleOrDefaultAsync(ct);
        if (c is null) return NotFound();
        Candidate = c;
        var programme = await db.Programmes.AsNoTracking().Where(p => p.CandidacyId == c.Id).Select(p => new { p.Id, p.StartDate, p.TeamId }).FirstOrDefaultAsync(ct);
        Programme = programme is null ? null : (programme.Id, programme.StartDate);
        if (!current.Scope.Can(Permission.FollowUpSelection, c.OwnerId))
        {
            // The team assigned to the school and the school's leaders see the candidacy (the access filter let it
            // through), read-only: the programme's own link to it must never end in "Fant ikke siden".
            ReadOnly = true;
            if (c.TeamName is null && c.TeamId is int team && programme?.TeamId == team)
                Candidate = c with { TeamName = (await ProgrammeTeamNames.ForProgrammesAsync(db, [programme.Id], ct)).GetValueOrDefault(team)?.Name };
            return null;
        }
        CanDecide = current.Scope.Can(Permission.ManageSelection, c.OwnerId);
        CanStartProgramme = programme is null && c.Decision == CandidateDecision.Accepted && c.TeamId is not null
            && current.Scope.Can(Permission.ManageProgrammes, c.OwnerId);
        var today = TeamRules.Today(clock);

        var warnings = await SelectionRules.WarningsAsync(db,
            [new SelectionRules.CandidateFacts(c.Id, c.OwnerId, c.SchoolId, c.SchoolYear, c.Deadline, c.RoundStatus, c.TeamId, c.Decision, c.FirstTalkDate)], today, ct);
        Warnings = warnings[c.Id].ToList();
        History = await SelectionRules.OfferHistoryAsync(db, c.SchoolId, ct);

        if (CanDecide)
        {
            var loads = await SelectionRules.TeamLoadsAsync(db, c.OwnerId, c.SchoolYear, c.SchoolId, ct);
            var choosable = loads.Where(l => l.Active || l.TeamId == c.TeamId).ToList();
            TeamConflicts = await SelectionRules.ConflictsAsync(db, choosable.Select(l => (l.TeamId, c.SchoolId, l.TeamId)).ToList(), today, ct);
            TeamOptions = choosable.Select(l => new SelectListItem(
                (l.Capacity == 1 ? L.T("{0} – {1} av {2} skole i {3}", l.TeamName, l.Used, l.Capacity, c.SchoolYear) : L.T("{0} – {1} av {2} skoler i {3}", l.TeamName, l.Used, l.Capacity, c.SchoolYear))
                    + (l.Full ? " " + L.T("(fullt)") : "") + (TeamConflicts.Any(x => x.Key == l.TeamId) ? " – " + L.T("mulig inhabilitet") : ""),
                l.TeamId.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        }
        return null;
    }
}
