using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stillas.Web.Features.People;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Audit;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Teams;

/// <summary>
/// Conflict of interest wherever a team meets a school (seed 000 § 1.3: guiding one's close colleagues is an
/// ethical dilemma): a current member of the team who leads the school now, or led or worked at it in the last
/// <see cref="Years"/> years. Used by selection rounds, the start of a programme, the team's page (a member added
/// to a team with running programmes) and the programme's page, where it stays until someone records how it is
/// handled (<see cref="ConflictHandling"/>). It warns; it never blocks: the owner decides, informed.
/// </summary>
/// <summary>Where conflicts are read from: the caller's scope, or <see cref="Unfiltered.ConflictFacts"/>.</summary>
public sealed record ConflictSources(IQueryable<TeamMember> Members, IQueryable<Membership> Roles, IQueryable<ConflictHandling> Handled)
{
    public static ConflictSources InScope(StillasDb db) => new(db.TeamMembers, db.Memberships, db.Set<ConflictHandling>());
}

public static class ConflictOfInterest
{
    /// <summary>A role at the school that ended more than this many years ago is no longer a tie.</summary>
    public const int Years = 5;

    /// <param name="Key">The caller's key: a candidate id, a programme id, or a team id when teams are compared for one school.</param>
    public sealed record Conflict(int Key, int PersonId, string PersonName, string TeamName, int SchoolId, string SchoolName, Role Role, bool Active, DateOnly? EndedOn)
    {
        private bool Leads => Role is Role.Principal or Role.SchoolLeader;
        private string RoleText => Roles.InSentence(Role);
        public string Text => (Leads, Active) switch
        {
            (true, true) => L.T("{0} i {1} leder skolen ({2} ved {3}).", PersonName, TeamName, RoleText, SchoolName),
            (true, false) => L.T("{0} i {1} har ledet skolen (tidligere {2} ved {3}).", PersonName, TeamName, RoleText, SchoolName),
            (false, true) => L.T("{0} i {1} arbeider ved skolen ({2} ved {3}).", PersonName, TeamName, RoleText, SchoolName),
            (false, false) => L.T("{0} i {1} har arbeidet ved skolen (tidligere {2} ved {3}).", PersonName, TeamName, RoleText, SchoolName),
        };
    }

    /// <summary>
    /// Members of each pair's team (not ended before <paramref name="today"/>) who hold a school role at the pair's
    /// school, or held one that ended in the last <see cref="Years"/> years (a role ended before its end was recorded
    /// counts: its date is unknown). One conflict per person and pair, the closest tie. Reads in the caller's scope
    /// (a selection round, the start page: the owner's administrator).
    /// </summary>
    public static Task<List<Conflict>> FindAsync(StillasDb db, IReadOnlyCollection<(int Key, int SchoolId, int TeamId)> pairs, DateOnly today, CancellationToken ct) =>
        FindAsync(ConflictSources.InScope(db), pairs, today, ct);

    /// <inheritdoc cref="FindAsync(StillasDb, IReadOnlyCollection{ValueTuple{int, int, int}}, DateOnly, CancellationToken)"/>
    /// <remarks>Reads from <paramref name="src"/>: <see cref="Unfiltered.ConflictFacts"/> where the answer must not depend on who looks.</remarks>
    public static async Task<List<Conflict>> FindAsync(ConflictSources src, IReadOnlyCollection<(int Key, int SchoolId, int TeamId)> pairs, DateOnly today, CancellationToken ct)
    {
        if (pairs.Count == 0) return [];
        var teamIds = pairs.Select(p => p.TeamId).Distinct().ToArray();
        var schoolIds = pairs.Select(p => p.SchoolId).Distinct().ToArray();
        var members = await src.Members.AsNoTracking()
            .Where(m => teamIds.Contains(m.TeamId) && (m.To == null || m.To >= today))
            .Select(m => new { m.TeamId, TeamName = m.Team!.Name, m.PersonId, PersonName = m.Person!.Name })
            .ToListAsync(ct);
        if (members.Count == 0) return [];
        var personIds = members.Select(m => m.PersonId).Distinct().ToArray();
        var since = today.AddYears(-Years);
        var roles = await src.Roles.AsNoTracking()
            .Where(m => personIds.Contains(m.PersonId) && m.SchoolId != null && schoolIds.Contains(m.SchoolId.Value)
                        && (m.Active || m.EndedOn == null || m.EndedOn >= since))
            .Select(m => new { m.PersonId, SchoolId = m.SchoolId!.Value, SchoolName = m.School!.Name, m.Role, m.Active, m.EndedOn })
            .ToListAsync(ct);
        var result = new List<Conflict>();
        foreach (var (key, schoolId, teamId) in pairs)
            foreach (var member in members.Where(m => m.TeamId == teamId).DistinctBy(m => m.PersonId))
            {
                var closest = roles.Where(r => r.PersonId == member.PersonId && r.SchoolId == schoolId && Roles.IsSchoolRole(r.Role))
                    .OrderByDescending(r => r.Role is Role.Principal or Role.SchoolLeader).ThenByDescending(r => r.Active).ThenBy(r => r.Role)
                    .FirstOrDefault();
                if (closest is not null)
                    result.Add(new Conflict(key, member.PersonId, member.PersonName, member.TeamName, schoolId, closest.SchoolName, closest.Role, closest.Active, closest.EndedOn));
            }
        return result;
    }

    /// <summary>The open conflicts of programmes (active or paused): found and not yet recorded as handled, by programme id.</summary>
    /// A conflict is a fact about the team and the school, not about who looks: pass <see cref="Unfiltered.ConflictFacts"/>.
    public static async Task<ILookup<int, Conflict>> OpenForProgrammesAsync(ConflictSources src, IReadOnlyCollection<(int ProgrammeId, int SchoolId, int TeamId)> programmes, DateOnly today, CancellationToken ct)
    {
        var found = await FindAsync(src, programmes, today, ct);
        if (found.Count == 0) return found.ToLookup(c => c.Key);
        var ids = programmes.Select(p => p.ProgrammeId).ToArray();
        var handled = await src.Handled.AsNoTracking().Where(h => ids.Contains(h.ProgrammeId))
            .Select(h => new { h.ProgrammeId, h.PersonId }).ToListAsync(ct);
        var done = handled.Select(h => (h.ProgrammeId, h.PersonId)).ToHashSet();
        return found.Where(c => !done.Contains((c.Key, c.PersonId))).ToLookup(c => c.Key);
    }

    /// <summary>The warnings for starting a programme for a school with a team (the start page's preview), in the caller's scope (the owner's administrator).</summary>
    public static async Task<List<string>> StartWarningsAsync(StillasDb db, int? schoolId, int? teamId, CancellationToken ct)
    {
        if (schoolId is not int school || teamId is not int team) return [];
        var found = await FindAsync(db, [(0, school, team)], ProgrammePlanning.Today(db.Clock), ct);
        return [.. found.Select(c => L.T("Mulig inhabilitet: {0}", c.Text) + " " + L.T("Når forløpet er startet, registrerer du på forløpets side hvordan det håndteres."))];
    }

    /// <summary>
    /// Stamps the day a role ended (<see cref="Membership.EndedOn"/>) when a save deactivates it, and clears it when
    /// it is active again, so "worked at the school in the last five years" can be told. Called by every save.
    /// </summary>
    public static void StampEndedRoles(DbContext db, DateOnly today)
    {
        foreach (var e in db.ChangeTracker.Entries<Membership>())
        {
            if (e.State == EntityState.Added && !e.Entity.Active && e.Entity.EndedOn is null) e.Entity.EndedOn = today;
            if (e.State != EntityState.Modified || !e.Property(m => m.Active).IsModified) continue;
            if (!e.Entity.Active && e.Property(m => m.Active).OriginalValue) e.Entity.EndedOn = today;
            else if (e.Entity.Active) e.Entity.EndedOn = null;
        }
    }

    /// <summary>Who sees a programme's conflicts of interest: the owner's staff and the team's own members.</summary>
    public static bool MaySee(AccessScope scope, int ownerId, int teamId) => scope.IsStaffOf(ownerId) || scope.TeamIds.Contains(teamId);

    /// <summary>Who records how a conflict is handled: the owner's staff (administrator, development advisors).</summary>
    public static bool MayHandle(AccessScope scope, int ownerId) => scope.IsStaffOf(ownerId);
}

/// <summary>
/// "Inhabilitet håndtert": how a possible conflict of interest of one team member in one programme is handled
/// (another member takes the conversations with the school, the owner accepts it, …), recorded by the owner's
/// staff. Once recorded, the programme and team pages no longer warn about that person.
/// </summary>
[Audited("Inhabilitet håndtert")]
[NotEdited("a record of a decision; a new decision is a new record")]
public class ConflictHandling : IInProgramme
{
    public const int HandlingMax = 1000;

    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public GuidanceProgramme? Programme { get; set; }
    public int OwnerId { get; set; }
    public int SchoolId { get; set; }
    public int TeamId { get; set; }
    /// <summary>The team member the conflict concerns.</summary>
    public int PersonId { get; set; }
    public required string PersonName { get; set; }
    /// <summary>What the conflict was, as the page said it when it was handled.</summary>
    public required string Conflict { get; set; }
    /// <summary>How it is handled, in the recorder's words.</summary>
    public required string Handling { get; set; }
    public required string ByName { get; set; }
    public int? ByPersonId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class ConflictHandlingConfiguration : IEntityTypeConfiguration<ConflictHandling>
{
    public void Configure(EntityTypeBuilder<ConflictHandling> b)
    {
        b.ToTable("ConflictHandlings");
        b.Property(h => h.PersonName).HasMaxLength(200);
        b.Property(h => h.Conflict).HasMaxLength(500);
        b.Property(h => h.Handling).HasMaxLength(ConflictHandling.HandlingMax);
        b.Property(h => h.ByName).HasMaxLength(200);
        b.HasOne(h => h.Programme).WithMany().HasForeignKey(h => h.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(h => new { h.ProgrammeId, h.PersonId }).IsUnique();
        b.HasIndex(h => h.TeamId);
    }
}

/// <summary>The owner's staff record how a conflict is handled, while the programme runs; nobody edits it after.</summary>
public sealed class ConflictHandlingWrites : WriteRule<ConflictHandling>
{
    protected override bool MayWrite(WriteContext w, ConflictHandling row) => w.Added && ConflictOfInterest.MayHandle(w.Scope, row.OwnerId);
}

/// <summary>
/// Reads that must not depend on who looks: a conflict of interest is a fact about the team and the school, and a
/// guide may not see the roles a fellow member held at the school. A fresh context under the system scope, read only.
/// </summary>
public static class SystemReads
{
    public static async Task<T> RunAsync<T>(IServiceScopeFactory scopes, Func<StillasDb, Task<T>> read)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = AccessScope.System;
        var db = scope.ServiceProvider.GetRequiredService<StillasDb>();
        return await read(db);
    }
}
