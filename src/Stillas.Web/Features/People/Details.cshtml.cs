using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Account;
using Stillas.Web.Features.Teams;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;
using AccountEntity = Stillas.Web.Features.Account.Account;

namespace Stillas.Web.Features.People;

/// <summary>One person: facts, roles (with add and remove), team memberships, login state and invitation.</summary>
public sealed class DetailsModel(StillasDb db, CurrentScope current, UserManager<AccountEntity> users, AccountLinks links, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<SessionLimits> sessionLimits) : PageModel
{
    public sealed record MembershipRow(int Id, Role Role, string? Owner, int? SchoolId, string? School, string? University, DateTimeOffset CreatedAt, bool CanRemove);
    public sealed record TeamRow(int TeamId, string Team, TeamRole Role, DateOnly? From, DateOnly? To);
    /// <summary>The login as the person's administrators see it.</summary>
    public sealed record LoginState(bool HasAccount, bool HasPassword, DateTimeOffset? LockedUntil, DateTimeOffset? InvitedAt, DateTimeOffset? InvitationExpires, int ActiveSessions = 0);

    public Person Person { get; private set; } = default!;
    public string? OwnerName { get; private set; }
    public List<MembershipRow> Memberships { get; private set; } = [];
    public List<MembershipRow> EndedMemberships { get; private set; } = [];
    public List<TeamRow> Teams { get; private set; } = [];
    public LoginState? Login { get; private set; }
    public bool CanManage { get; private set; }
    public bool CanGrant { get; private set; }
    public bool IsMe { get; private set; }
    public DateTimeOffset Now { get; private set; }

    [BindProperty] public MembershipInput Grant { get; set; } = new();
    public List<SelectListItem> RoleOptions { get; private set; } = [];
    public List<SelectListItem> OwnerOptions { get; private set; } = [];
    public List<SelectListItem> SchoolOptions { get; private set; } = [];
    public List<SelectListItem> UniversityOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddMembershipAsync(int id, CancellationToken ct)
    {
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (person is null) return NotFound();
        if (!current.Scope.Can(Permission.ManagePeople)) return Forbid();
        if (ModelState.IsValid)
        {
            var (grant, errors) = await Grant.CheckAsync(db, current.Scope, id, ct);
            foreach (var (field, message) in errors) ModelState.AddModelError("Grant." + field, message);
            if (grant is not null)
            {
                db.Memberships.Add(grant.ToMembership(person));
                await db.SaveChangesAsync(ct);
                TempData["Message"] = L.T("{0} har fått rollen {1}.", person.Name, Roles.InSentence(grant.Role));
                return RedirectToPage(new { id });
            }
        }
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveMembershipAsync(int id, int membershipId, CancellationToken ct)
    {
        var membership = await db.Memberships.Include(m => m.Person).SingleOrDefaultAsync(m => m.Id == membershipId && m.PersonId == id, ct);
        if (membership is null) return NotFound();
        if (!MembershipRules.CanManage(current.Scope, membership.Role, membership.OwnerId)) return Forbid();
        if (membership.PersonId == current.Scope.PersonId && membership.Role is Role.SystemAdmin or Role.OwnerAdmin)
        {
            TempData["Message"] = L.T("Du kan ikke fjerne din egen administratorrolle. Be en annen administrator om det.");
            return RedirectToPage(new { id });
        }
        if (membership.Active)
        {
            membership.Active = false;
            await db.SaveChangesAsync(ct);
        }
        TempData["Message"] = L.T("Rollen {0} er fjernet fra {1}.", Roles.InSentence(membership.Role), membership.Person!.Name);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostInviteAsync(int id, CancellationToken ct)
    {
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (person is null) return NotFound();
        if (!PersonAccess.CanManage(current.Scope, person.OwnerId)) return Forbid();
        var error = await PersonAccounts.ResendAsync(db, users, links, current.Scope, clock, person, ct);
        TempData["Message"] = error ?? L.T("Invitasjonen er sendt til {0}. Lenken gjelder i {1} dager.", person.Email, AccountLinks.InvitationLifetime.Days);
        return RedirectToPage(new { id });
    }

    /// <summary>"Avslutt alle økter": every open session of the person ends at once (a lost laptop, a shared password). Audited.</summary>
    public async Task<IActionResult> OnPostEndSessionsAsync(int id, [FromServices] UserSessions sessions, CancellationToken ct)
    {
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (person is null) return NotFound();
        if (!PersonAccess.CanManage(current.Scope, person.OwnerId)) return Forbid();
        var accountId = await db.Users.Where(a => a.PersonId == id).Select(a => (int?)a.Id).SingleOrDefaultAsync(ct);
        var ended = accountId is int account ? await sessions.EndAllAsync(account, SessionEnd.Administrator) : 0;
        var scope = current.Scope;
        db.AuditEntries.Add(new Platform.Audit.AuditEntry
        {
            At = clock.GetUtcNow(), ActorPersonId = scope.PersonId, ActorName = scope.ActorName.Length > 200 ? scope.ActorName[..200] : scope.ActorName,
            OwnerId = person.OwnerId, EntityType = nameof(Person), EntityId = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Action = Platform.Audit.AuditAction.Updated,
            Changes = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string?[]> { ["Innloggingsøkter"] = [$"{ended} aktive", "avsluttet av administrator"] }),
        });
        await db.SaveChangesAsync(ct);
        TempData["Message"] = ended switch { 0 => L.T("{0} var ikke logget inn.", person.Name), 1 => L.T("{0} er logget ut overalt (1 økt).", person.Name), _ => L.T("{0} er logget ut overalt ({1} økter).", person.Name, ended) };
        return RedirectToPage(new { id });
    }

    public Task<IActionResult> OnPostDeactivateAsync(int id, [FromServices] UserSessions sessions, CancellationToken ct) => SetActiveAsync(id, false, sessions, ct);
    public Task<IActionResult> OnPostActivateAsync(int id, [FromServices] UserSessions sessions, CancellationToken ct) => SetActiveAsync(id, true, sessions, ct);

    private async Task<IActionResult> SetActiveAsync(int id, bool active, UserSessions sessions, CancellationToken ct)
    {
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (person is null) return NotFound();
        if (!PersonAccess.CanManage(current.Scope, person.OwnerId)) return Forbid();
        if (!active && person.Id == current.Scope.PersonId)
        {
            TempData["Message"] = L.T("Du kan ikke deaktivere deg selv.");
            return RedirectToPage(new { id });
        }
        person.Active = active;
        await db.SaveChangesAsync(ct);
        // A deactivated person's open sessions end at once (the active-person check would also refuse them; this
        // makes the end visible on the session rows, as a logout does).
        if (!active) await sessions.EndAllOfPersonAsync(db, id, SessionEnd.Deactivated, ct);
        TempData["Message"] = active
            ? L.T("{0} er aktivert igjen og kan logge inn.", person.Name)
            : L.T("{0} er deaktivert og kan ikke lenger logge inn. Rollene er beholdt og gjelder igjen hvis personen aktiveres.", person.Name);
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var scope = current.Scope;
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (person is null) return false;
        Person = person;
        Now = clock.GetUtcNow();
        IsMe = person.Id == scope.PersonId;
        OwnerName = person.OwnerId is int ownerId ? await db.Owners.Where(o => o.Id == ownerId).Select(o => o.Name).SingleOrDefaultAsync(ct) : null;
        CanManage = PersonAccess.CanManage(scope, person.OwnerId);
        CanGrant = scope.Can(Permission.ManagePeople) && person.Active;

        var rows = await db.Memberships.AsNoTracking().Where(m => m.PersonId == id)
            .OrderBy(m => m.Role).ThenBy(m => m.Id)
            .Select(m => new
            {
                m.Id, m.Role, m.OwnerId, m.Active, m.CreatedAt, m.SchoolId,
                Owner = m.Owner == null ? null : m.Owner.Name,
                School = m.School == null ? null : m.School.Name,
                University = m.University == null ? null : m.University.Name,
            })
            .ToListAsync(ct);
        var memberships = rows.Select(m => (m.Active, Row: new MembershipRow(m.Id, m.Role, m.Owner, m.SchoolId, m.School, m.University, m.CreatedAt,
            MembershipRules.CanManage(scope, m.Role, m.OwnerId)))).ToList();
        Memberships = memberships.Where(m => m.Active).Select(m => m.Row).ToList();
        EndedMemberships = memberships.Where(m => !m.Active).Select(m => m.Row).ToList();

        Teams = await db.TeamMembers.AsNoTracking().Where(t => t.PersonId == id)
            .OrderBy(t => t.Team!.Name)
            .Select(t => new TeamRow(t.TeamId, t.Team!.Name, t.Role, t.From, t.To)).ToListAsync(ct);

        if (CanManage)
        {
            var account = await db.Users.AsNoTracking().Where(a => a.PersonId == id)
                .Select(a => new { a.Id, HasPassword = a.PasswordHash != null, a.LockoutEnd }).SingleOrDefaultAsync(ct);
            var invitation = account is null ? null : await db.InvitationTokens.AsNoTracking()
                .Where(t => t.AccountId == account.Id && t.IsInvitation).OrderByDescending(t => t.Id)
                .Select(t => new { t.CreatedAt, t.ExpiresAt }).FirstOrDefaultAsync(ct);
            var idleSince = Now - sessionLimits.Value.IdleTimeout;
            var active = account is null ? 0 : await db.UserSessions.CountAsync(s => s.AccountId == account.Id && s.EndedAt == null && s.ExpiresAt > Now && s.LastSeenAt > idleSince, ct);
            Login = new LoginState(account is not null, account?.HasPassword == true,
                account?.LockoutEnd is { } end && end > Now ? end : null, invitation?.CreatedAt, invitation?.ExpiresAt, active);
        }

        if (CanGrant)
        {
            RoleOptions = PeopleOptions.RoleOptions(scope);
            OwnerOptions = await PeopleOptions.OwnerOptionsAsync(db, scope, ct);
            // A system administrator sees the person's own owner's schools, not the whole country's.
            SchoolOptions = await PeopleOptions.SchoolOptionsAsync(db, scope, scope.IsSystem ? person.OwnerId : null, ct);
            UniversityOptions = await PeopleOptions.UniversityOptionsAsync(db, ct);
            if (Grant.OwnerId is null && OwnerOptions.Count == 1) Grant.OwnerId = int.Parse(OwnerOptions[0].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (Grant.OwnerId is null && person.OwnerId is int own && OwnerOptions.Any(o => o.Value == own.ToString(System.Globalization.CultureInfo.InvariantCulture))) Grant.OwnerId = own;
        }
        return true;
    }
}
