using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Teams;

/// <summary>
/// One guidance team: facts, members with their team role and period, their training, and (for the
/// owner's administrators) the forms that change them. Members and guides of the team may look;
/// the query filters decide who sees what.
/// </summary>
public sealed class DetailsModel(StillasDb db, CurrentScope current, TimeProvider clock) : PageModel
{
    public sealed record TeamView(int Id, int OwnerId, string OwnerName, string Name, string? Description, int Capacity, bool Active);
    public sealed record MemberRow(int Id, int PersonId, string Name, string? Title, TeamRole Role, DateOnly? From, DateOnly? To, bool Current);
    public sealed record TrainingRow(int Id, int PersonId, int OwnerId, string Title, string? Provider, DateOnly CompletedOn);

    public TeamView Team { get; private set; } = default!;
    public List<MemberRow> Members { get; private set; } = [];
    /// <summary>Who joined and left the team, newest first (joining opens the team's notes).</summary>
    public List<TeamChange> Changes { get; private set; } = [];
    public ILookup<int, TrainingRow> Training { get; private set; } = Array.Empty<TrainingRow>().ToLookup(t => t.PersonId);
    public List<TeamRole> MissingRoles { get; private set; } = [];
    public List<SelectListItem> Candidates { get; private set; } = [];
    public List<SelectListItem> MemberOptions { get; private set; } = [];
    public bool CanManage { get; private set; }
    public DateOnly Today { get; private set; }

    /// <summary>The add-member form; bound only by its own handler so the other forms' rules do not interfere.</summary>
    public MemberInput Member { get; set; } = new();
    public TrainingInput TrainingForm { get; set; } = new();

    public bool CanDeleteTraining(TrainingRow r) => current.Scope.Can(Permission.ManageTeams, r.OwnerId);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddMemberAsync(int id, CancellationToken ct)
    {
        var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (team is null) return NotFound();
        if (!current.Scope.Can(Permission.ManageTeams, team.OwnerId)) return Forbid();
        await TryUpdateModelAsync(Member, nameof(Member));
        if (ModelState.IsValid)
            foreach (var (field, message) in await Member.CheckAsync(db, team, ct))
                ModelState.AddModelError($"{nameof(Member)}.{field}", message);
        if (!ModelState.IsValid)
        {
            await LoadAsync(id, ct);
            return Page();
        }
        db.TeamMembers.Add(Member.ToMember(team));
        await db.SaveChangesAsync(ct);
        var name = await db.People.Where(p => p.Id == Member.PersonId).Select(p => p.Name).SingleAsync(ct);
        TempData["Message"] = L.T("{0} er lagt til som {1}.", name, TeamRules.InSentence(Member.Role!.Value));
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRemoveMemberAsync(int id, int memberId, CancellationToken ct)
    {
        var member = await db.TeamMembers.Include(m => m.Person).SingleOrDefaultAsync(m => m.Id == memberId && m.TeamId == id, ct);
        if (member is null) return NotFound();
        if (!current.Scope.Can(Permission.ManageTeams, member.OwnerId)) return Forbid();
        db.TeamMembers.Remove(member);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = L.T("{0} er fjernet fra teamet. Opplæringen personen har registrert, er beholdt.", member.Person?.Name ?? L.T("Personen"));
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostAddTrainingAsync(int id, CancellationToken ct)
    {
        var team = await db.Teams.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
        if (team is null) return NotFound();
        if (!current.Scope.Can(Permission.ManageTeams, team.OwnerId)) return Forbid();
        await TryUpdateModelAsync(TrainingForm, nameof(TrainingForm));
        int? personId = null;
        if (TrainingForm.MemberId is int memberId)
        {
            personId = await db.TeamMembers.Where(m => m.Id == memberId && m.TeamId == id).Select(m => (int?)m.PersonId).SingleOrDefaultAsync(ct);
            if (personId is null) ModelState.AddModelError($"{nameof(TrainingForm)}.{nameof(TrainingInput.MemberId)}", L.T("Velg et medlem av teamet."));
        }
        foreach (var (field, message) in TrainingForm.Check(TeamRules.Today(clock)))
            ModelState.AddModelError($"{nameof(TrainingForm)}.{field}", message);
        if (!ModelState.IsValid)
        {
            await LoadAsync(id, ct);
            return Page();
        }
        // The record belongs to the team's owner: its staff see it, and so does the person.
        db.TrainingRecords.Add(TrainingForm.ToRecord(personId!.Value, team.OwnerId));
        await db.SaveChangesAsync(ct);
        TempData["Message"] = L.T("Opplæringen er registrert.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeleteTrainingAsync(int id, int recordId, CancellationToken ct)
    {
        if (!await db.Teams.AnyAsync(t => t.Id == id, ct)) return NotFound();
        var record = await db.TrainingRecords.SingleOrDefaultAsync(r => r.Id == recordId, ct);
        if (record is null) return NotFound();
        if (!current.Scope.Can(Permission.ManageTeams, record.OwnerId)) return Forbid();
        db.TrainingRecords.Remove(record);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = L.T("Opplæringen «{0}» er slettet.", record.Title);
        return RedirectToPage(new { id });
    }

    public Task<IActionResult> OnPostDeactivateAsync(int id, CancellationToken ct) => SetActiveAsync(id, false, ct);
    public Task<IActionResult> OnPostActivateAsync(int id, CancellationToken ct) => SetActiveAsync(id, true, ct);

    private async Task<IActionResult> SetActiveAsync(int id, bool active, CancellationToken ct)
    {
        var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (team is null) return NotFound();
        if (!current.Scope.Can(Permission.ManageTeams, team.OwnerId)) return Forbid();
        team.Active = active;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = active ? L.T("{0} er aktivert igjen.", team.Name) : L.T("{0} er deaktivert. Medlemmene ser ikke lenger teamet som sitt.", team.Name);
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var team = await db.Teams.AsNoTracking().Where(t => t.Id == id)
            .Select(t => new TeamView(t.Id, t.OwnerId, t.Owner!.Name, t.Name, t.Description, t.CapacityPerSchoolYear, t.Active))
            .SingleOrDefaultAsync(ct);
        if (team is null) return false;
        Team = team;
        Today = TeamRules.Today(clock);
        CanManage = current.Scope.Can(Permission.ManageTeams, team.OwnerId);

        var rows = await db.TeamMembers.AsNoTracking().Where(m => m.TeamId == id)
            .OrderBy(m => m.Role).ThenBy(m => m.Person!.Name)
            .Select(m => new { m.Id, m.PersonId, m.Person!.Name, m.Person.Title, m.Role, m.From, m.To })
            .ToListAsync(ct);
        var today = Today;
        Members = rows.Select(m => new MemberRow(m.Id, m.PersonId, m.Name, m.Title, m.Role, m.From, m.To, TeamRules.IsCurrent(m.From, m.To, today))).ToList();
        MissingRoles = TeamRules.MissingRoles(Members.Select(m => (m.Role, m.From, m.To)), today);

        var personIds = Members.Select(m => m.PersonId).ToArray();
        var training = await db.TrainingRecords.AsNoTracking().Where(r => personIds.Contains(r.PersonId))
            .OrderByDescending(r => r.CompletedOn).ThenBy(r => r.Title)
            .Select(r => new TrainingRow(r.Id, r.PersonId, r.OwnerId, r.Title, r.Provider, r.CompletedOn))
            .ToListAsync(ct);
        Training = training.ToLookup(r => r.PersonId);
        Changes = await db.TeamChanges.AsNoTracking().Where(c => c.TeamId == id).OrderByDescending(c => c.At).ThenByDescending(c => c.Id).Take(20).ToListAsync(ct);

        if (CanManage)
        {
            Candidates = await MemberInput.Candidates(db, team.OwnerId, team.Id).OrderBy(p => p.Name)
                .Select(p => new SelectListItem(p.Title == null ? p.Name : p.Name + " – " + p.Title, p.Id.ToString()))
                .ToListAsync(ct);
            MemberOptions = Members.Select(m => new SelectListItem($"{m.Name} ({TeamMember.RoleName(m.Role)})", m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        }
        return true;
    }
}
