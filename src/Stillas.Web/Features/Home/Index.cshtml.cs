using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.People;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Features.Schools;
using Stillas.Web.Features.Programmes.Sessions;
using Stillas.Web.Features.Teams;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Audit;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Home;

/// <summary>The start page: what this person's roles give them, each section honest when empty.</summary>
public sealed class IndexModel(StillasDb db, CurrentScope current, TimeProvider clock) : PageModel
{
    public sealed record OwnerSummary(int Id, string Name, int Schools, int Teams, int People);
    public sealed record TeamSummary(int Id, string Name, string Owner, int Capacity, List<string> Members);
    public sealed record SchoolSummary(int Id, string Name, string Owner, string Level, int Pupils, List<string> MyRoles);
    public sealed record RecentChange(DateTimeOffset At, string Actor, string What);
    /// <summary>One sent interim-work agreement whose feedback matters until the next session.</summary>
    public sealed record InterimWorkDue(int SessionId, int Number, string? School, DateOnly Deadline, List<string> Points, DateTimeOffset? SubmittedAt, bool HasDraft, bool SubmittedLate, DateOnly Today)
    {
        public bool Submitted => SubmittedAt is not null;
        /// <summary>Past the deadline and not sent: the school is late.</summary>
        public bool Missing => !Submitted && Today > Deadline;
    }

    /// <summary>How far back a sent agreement's deadline may lie and still be shown: its next session is at most a few months later.</summary>
    public const int InterimWorkWindowDays = 60;
    public sealed record PhaseCount(string SchoolYear, string? PhaseKey, string PhaseName, int PhaseOrder, int Count, int Overdue);

    public AccessScope Scope => current.Scope;
    public List<OwnerSummary> Owners { get; private set; } = [];
    public List<TeamSummary> MyTeams { get; private set; } = [];
    public List<SchoolSummary> MySchools { get; private set; } = [];
    public List<RecentChange> Recent { get; private set; } = [];
    public int AllOwners { get; private set; }
    public DateOnly Today { get; private set; }
    /// <summary>Development advisor and guides: the programmes of their teams, and what is overdue in them.</summary>
    public List<ProgrammeSummary> TeamProgrammes { get; private set; } = [];
    public ILookup<int, StepLine> TeamOverdue { get; private set; } = Array.Empty<StepLine>().ToLookup(s => s.ProgrammeId);
    /// <summary>The school's people: their school's programme, and what the school itself must deliver next.</summary>
    public List<ProgrammeSummary> SchoolProgrammes { get; private set; } = [];
    public List<StepLine> SchoolDeliveries { get; private set; } = [];
    /// <summary>The members of the teams that guide the school, by team id (names and roles only).</summary>
    public Dictionary<int, IReadOnlyList<ProgrammeTeamNames.Member>> SchoolTeamMembers { get; private set; } = [];
    /// <summary>The school leaders: interim-work feedback still to send (seed 000 § 3.4: before the next session).</summary>
    public List<InterimWorkDue> SchoolInterimWork { get; private set; } = [];
    /// <summary>The team: interim-work feedback from its schools before their next session, late first.</summary>
    public List<InterimWorkDue> TeamInterimWork { get; private set; } = [];
    /// <summary>Owner administrators: running programmes by the school year they started in and the phase they are in.</summary>
    public List<PhaseCount> ProgrammesByPhase { get; private set; } = [];

    /// <summary>Administrators: mail that could not be delivered, shown as an alert linking to /Mail/Undelivered.</summary>
    public int UndeliveredMail { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = Scope;
        if (Stillas.Web.Features.Mail.UndeliveredModel.MaySee(scope)) UndeliveredMail = await Stillas.Web.Features.Mail.UndeliveredModel.Visible(db, scope).CountAsync(ct);
        if (scope.IsSystem) AllOwners = await db.Owners.CountAsync(ct);
        if (scope.StaffOwnerIds.Length > 0)
        {
            // The owner's staff see all its schools, teams and people: the access filters (one with two
            // EXISTS per person) would add nothing to counts already limited to the staff's own owners.
            Owners = await db.StaffOwners().OrderBy(o => o.Name)
                .Select(o => new OwnerSummary(o.Id, o.Name,
                    db.Schools.Count(s => s.OwnerId == o.Id && s.Active),
                    db.Teams.Count(t => t.OwnerId == o.Id && t.Active),
                    db.People.Count(p => p.OwnerId == o.Id && p.Active)))
                .ToListAsync(ct);
        }
        if (scope.TeamIds.Length > 0)
        {
            var teams = scope.TeamIds;
            // Members of one's own teams are visible to one (fellow members), as are the teams' owners:
            // limited to the person's teams, the access filters would add nothing but their cost.
            // Two queries by index (teams by key, members by TeamMembers(TeamId, …)): with the members as a
            // nested list SQLite first read every team membership in the country.
            var rows = await db.MyTeams().OrderBy(t => t.Name).ThenBy(t => t.Id)
                .Select(t => new { t.Id, t.Name, Owner = t.Owner!.Name, t.CapacityPerSchoolYear }).ToListAsync(ct);
            var members = (await db.MyTeamsMembers()
                .OrderBy(m => m.TeamId).ThenBy(m => m.Role).ThenBy(m => m.Id)
                .Select(m => new { m.TeamId, m.Person!.Name }).ToListAsync(ct)).ToLookup(m => m.TeamId, m => m.Name);
            MyTeams = [.. rows.Select(t => new TeamSummary(t.Id, t.Name, t.Owner, t.CapacityPerSchoolYear, [.. members[t.Id]]))];
        }
        if (scope.SchoolIds.Length > 0 && scope.PersonId is int me)
        {
            var schools = scope.SchoolIds;
            var rows = await db.Schools.AsNoTracking().Where(s => schools.Contains(s.Id)).OrderBy(s => s.Name)
                .Select(s => new { s.Id, s.Name, Owner = s.Owner!.Name, s.Level, s.Pupils,
                    Roles = db.Memberships.Where(m => m.SchoolId == s.Id && m.PersonId == me && m.Active).Select(m => m.Role).ToList() })
                .ToListAsync(ct);
            MySchools = rows.Select(r => new SchoolSummary(r.Id, r.Name, r.Owner, School.LevelName(r.Level), r.Pupils, r.Roles.Select(Roles.Name).ToList())).ToList();
        }
        await LoadProgrammesAsync(scope, ct);
        await LoadInterimWorkAsync(scope, ct);
        if (scope.AdminOwnerIds.Length > 0 || scope.IsSystem)
        {
            var rows = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id).Take(5)
                .Select(a => new { a.At, a.ActorName, a.Action, a.EntityType }).ToListAsync(ct);
            Recent = rows.Select(r => new RecentChange(r.At, r.ActorName, $"{AuditEntry.ActionName(r.Action)}: {AuditEntry.EntityName(r.EntityType)}")).ToList();
        }
    }

    /// <summary>
    /// For both sides: the latest sent interim-work agreement of each session of an active programme
    /// whose next session has not yet been held (the feedback is for that session), for the schools the
    /// person leads and the teams the person is on. The programmes are the ones the page has already
    /// summarised (so no programme or school subquery); one query seeks the (ProgrammeId, FeedbackDeadline)
    /// index, a second reads the feedback of the few sessions found.
    /// </summary>
    private async Task LoadInterimWorkAsync(AccessScope scope, CancellationToken ct)
    {
        var (leads, teams) = (scope.LeaderSchoolIds, scope.TeamIds);
        if (leads.Length == 0 && teams.Length == 0) return;
        var programmes = TeamProgrammes.Concat(SchoolProgrammes).Where(p => p.Status == ProgrammeStatus.Active)
            .Where(p => teams.Contains(p.TeamId) || leads.Contains(p.SchoolId)).DistinctBy(p => p.Id).ToDictionary(p => p.Id);
        if (programmes.Count == 0) return;
        var active = programmes.Keys.ToArray();
        var today = Today;
        var since = today.AddDays(-InterimWorkWindowDays);
        var rows = await db.InterimWorkAgreements.AsNoTracking()
            .Where(a => a.Status == InterimWorkStatus.Sent && a.FeedbackDeadline >= since && active.Contains(a.ProgrammeId)
                        && (a.NextSessionDate == null || a.NextSessionDate >= today))
            .Select(a => new { a.SessionId, a.ProgrammeId, a.SchoolId, a.TeamId, a.FeedbackDeadline, a.Points, a.Session!.Number })
            .ToListAsync(ct);
        // Sorted here: with ORDER BY … LIMIT in SQL, SQLite's planner may walk the (Status, FeedbackDeadline)
        // index over the whole country's agreements instead of seeking (ProgrammeId, FeedbackDeadline) for the
        // few active programmes; without it the rows are at most those programmes' sent agreements in the window.
        rows = [.. rows.OrderBy(a => a.FeedbackDeadline).ThenBy(a => a.SessionId).Take(20)];
        if (rows.Count == 0) return;
        var sessions = rows.Select(r => r.SessionId).ToArray();
        var feedback = (await db.InterimWorkFeedback.AsNoTracking().Where(f => sessions.Contains(f.SessionId))
            .Select(f => new { f.SessionId, f.SubmittedAt, f.Late }).ToListAsync(ct)).ToDictionary(f => f.SessionId);
        var all = rows.Select(r =>
        {
            var f = feedback.GetValueOrDefault(r.SessionId);
            return (r.SchoolId, r.TeamId, Due: new InterimWorkDue(r.SessionId, r.Number, programmes[r.ProgrammeId].School, r.FeedbackDeadline, r.Points,
                f?.SubmittedAt, f is not null, f?.Late ?? false, today));
        }).ToList();
        SchoolInterimWork = [.. all.Where(r => leads.Contains(r.SchoolId) && !r.Due.Submitted).Select(r => r.Due)];
        // Late first (missing, then received after the deadline), then those still awaited.
        TeamInterimWork = [.. all.Where(r => teams.Contains(r.TeamId)).Select(r => r.Due)
            .OrderBy(d => d.Missing ? 0 : d.SubmittedLate ? 1 : d.Submitted ? 3 : 2).ThenBy(d => d.Deadline)];
    }

    private async Task LoadProgrammesAsync(AccessScope scope, CancellationToken ct)
    {
        Today = ProgrammePlanning.Today(clock);
        var today = Today;
        var running = db.Programmes.AsNoTracking().Where(p => p.Status == ProgrammeStatus.Active || p.Status == ProgrammeStatus.Paused);
        if (scope.TeamIds.Length > 0)
        {
            var teams = scope.TeamIds;
            TeamProgrammes = await running.Where(p => teams.Contains(p.TeamId)).Summaries(db)
                .OrderBy(p => p.StartDate).ThenBy(p => p.School).ToListAsync(ct);
            // Only the programmes whose summary (fresh for today; any step change clears it) counts overdue
            // steps: by ProgrammeId instead of every step of the teams' five years (912 for the national
            // advisor, ≈ 1 ms on SQLite, the start page's dearest query).
            var late = TeamProgrammes.Where(p => p.Overdue > 0).Select(p => p.Id).ToArray();
            var overdue = late.Length == 0 ? [] : await db.PlanSteps.AsNoTracking()
                .Where(s => late.Contains(s.ProgrammeId) && (s.Status == StepStatus.Planned || s.Status == StepStatus.Moved) && (s.EndDate ?? s.Date) < today)
                .OrderBy(s => s.Date).Take(100)
                .Select(s => new StepLine(s.Id, s.ProgrammeId, s.Title, s.Date, s.EndDate, s.Responsible, s.ResponsibleNote, s.Kind, s.Key, s.PhaseKey, s.PhaseName, s.Order)).ToListAsync(ct);
            TeamOverdue = overdue.ToLookup(s => s.ProgrammeId);
        }
        if (scope.SchoolIds.Length > 0)
        {
            var schools = scope.SchoolIds;
            SchoolProgrammes = await running.Where(p => schools.Contains(p.SchoolId)).Summaries(db)
                .OrderBy(p => p.School).ToListAsync(ct);
            // The school's people do not see teams; the team that guides them is named all the same.
            var hidden = SchoolProgrammes.Where(p => p.Team is null).Select(p => p.Id).ToList();
            if (hidden.Count > 0)
            {
                var names = await ProgrammeTeamNames.ForProgrammesAsync(db, hidden, ct);
                foreach (var p in SchoolProgrammes.Where(p => p.Team is null)) p.Team = names.GetValueOrDefault(p.TeamId)?.Name;
                SchoolTeamMembers = names.Values.ToDictionary(t => t.TeamId, t => t.Members);
            }
            // seed 000 § 2: what the school leadership itself must do and send, overdue first.
            SchoolDeliveries = SchoolProgrammes.Count == 0 ? [] : await db.PlanSteps.AsNoTracking()
                .Where(s => schools.Contains(s.SchoolId) && s.Responsible == StepResponsible.School
                            && (s.Status == StepStatus.Planned || s.Status == StepStatus.Moved) && s.Programme!.Status == ProgrammeStatus.Active)
                .OrderBy(s => s.Date).ThenBy(s => s.Order).Take(5)
                .Select(s => new StepLine(s.Id, s.ProgrammeId, s.Title, s.Date, s.EndDate, s.Responsible, s.ResponsibleNote, s.Kind, s.Key, s.PhaseKey, s.PhaseName, s.Order)).ToListAsync(ct);
        }
        if (scope.AdminOwnerIds.Length > 0)
        {
            var owners = scope.AdminOwnerIds;
            var mine = running.Where(p => owners.Contains(p.OwnerId));
            // Counted in SQL (a large kommune runs hundreds), from the stored summaries (ProgrammeSummaryJob keeps them today's).
            var groups = await PhaseGroupsAsync(mine, ct);
            ProgrammesByPhase = [.. groups
                .Select(g => new PhaseCount(g.SchoolYear, g.PhaseKey, g.PhaseName is null ? L.T("Uten steg") : L.Data(g.PhaseName), g.PhaseOrder, g.Count, g.Overdue))
                .OrderByDescending(c => c.SchoolYear, StringComparer.Ordinal).ThenBy(c => c.PhaseOrder)];
        }
    }

    private sealed record PhaseGroup(string SchoolYear, string? PhaseKey, string? PhaseName, int PhaseOrder, int Count, int Overdue);

    private static Task<List<PhaseGroup>> PhaseGroupsAsync(IQueryable<GuidanceProgramme> programmes, CancellationToken ct) =>
        programmes.GroupBy(p => new { p.SchoolYear, p.PhaseKey, p.PhaseName })
            .Select(g => new PhaseGroup(g.Key.SchoolYear, g.Key.PhaseKey, g.Key.PhaseName, g.Min(p => p.PhaseOrder), g.Count(),
                g.Sum(p => p.Status == ProgrammeStatus.Active ? p.OverdueSteps : 0)))
            .ToListAsync(ct);
}
