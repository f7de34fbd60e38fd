using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Teams;

namespace Stillas.Web.Platform.Data;

/// <summary>
/// The name of the team that runs a programme, and its members' names and roles, for everyone who may
/// see the programme. A school's people (principal, school leaders) do not see teams (the Teams filter
/// keeps them to the owner's staff and the team's own members), yet must know who guides them.
/// Only names and roles leave here, and only for teams of programmes the caller reads through the
/// filtered <see cref="StillasDb.Programmes"/>: the Teams, TeamMembers and People filters stay as they
/// are, so the team's page, its training records and the people's contact details remain out of reach.
/// </summary>
public static class ProgrammeTeamNames
{
    public sealed record Member(string Name, string Role);

    public sealed record TeamNames(int TeamId, string Name, IReadOnlyList<Member> Members);

    /// <summary>Team names and members by team id, for the given programmes as far as the caller sees them.</summary>
    public static async Task<Dictionary<int, TeamNames>> ForProgrammesAsync(StillasDb db, IReadOnlyCollection<int> programmeIds, CancellationToken ct)
    {
        if (programmeIds.Count == 0) return [];
        var ids = programmeIds.ToArray();
        // Which teams: those of programmes visible in the caller's scope (the Access filter applies here).
        var teamIds = await db.Programmes.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => p.TeamId).Distinct().ToListAsync(ct);
        return await ForTeamsAsync(db, teamIds, ct);
    }

    /// <summary>
    /// The same for one programme the caller has just read through the filtered <see cref="StillasDb.Programmes"/>
    /// (its page): its team, without reading the programme again.
    /// </summary>
    public static async Task<TeamNames?> ForReadProgrammeAsync(StillasDb db, Platform.Access.IProgrammeScoped programme, CancellationToken ct) =>
        (await ForTeamsAsync(db, [programme.TeamId], ct)).GetValueOrDefault(programme.TeamId);

    private static async Task<Dictionary<int, TeamNames>> ForTeamsAsync(StillasDb db, List<int> teamIds, CancellationToken ct)
    {
        if (teamIds.Count == 0) return [];
        var today = DateOnly.FromDateTime(Platform.Web.NorwegianTime.ToOslo(db.Clock.GetUtcNow()).DateTime);
        // Two queries, each by index: the teams by key, their members by TeamMembers(TeamId, …). As one query
        // with the members as a nested list, SQLite read every team membership in the country first (≈ 4 ms).
        var teams = await db.Teams.IgnoreQueryFilters().AsNoTracking().Where(t => teamIds.Contains(t.Id))
            .Select(t => new { t.Id, t.Name }).ToListAsync(ct);
        var members = (await db.TeamMembers.IgnoreQueryFilters().AsNoTracking()
            .Where(m => teamIds.Contains(m.TeamId) && m.Person!.Active && (m.To == null || m.To >= today))
            .OrderBy(m => m.TeamId).ThenBy(m => m.Role).ThenBy(m => m.Person!.Name).ThenBy(m => m.Id)
            .Select(m => new { m.TeamId, m.Person!.Name, m.Role }).ToListAsync(ct)).ToLookup(m => m.TeamId);
        return teams.ToDictionary(t => t.Id, t => new TeamNames(t.Id, t.Name, [.. members[t.Id].Select(m => new Member(m.Name, TeamMember.RoleName(m.Role)))]));
    }
}
