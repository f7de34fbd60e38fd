using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Access;

namespace Stillas.Web.Platform.Data;

/// <summary>
/// Whether the programmes a save writes into are active, read once per save for the write guard: a paused,
/// stopped or completed programme is read-only (<see cref="ReadOnlyProgrammeException"/>). A row that names
/// its programme (<see cref="IInProgramme"/>) is judged by it; a row that does not (a note, a version, a
/// line) by the programmes of its school and team: writable while one of them is active.
/// </summary>
internal sealed class ProgrammeActivity
{
    private static readonly ProgrammeActivity Nothing = new([], []);
    private readonly Dictionary<int, bool> byId;
    private readonly Dictionary<(int School, int Team), bool> byPair;

    private ProgrammeActivity(Dictionary<int, bool> byId, Dictionary<(int, int), bool> byPair) => (this.byId, this.byPair) = (byId, byPair);

    public static async Task<ProgrammeActivity> LoadAsync(StillasDb db, AccessScope scope, CancellationToken ct)
    {
        if (scope.Kind == ScopeKind.System) return Nothing;
        List<IProgrammeScoped>? rows = null;
        foreach (var e in db.ChangeTracker.Entries())
            if (e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is IProgrammeScoped row and not GuidanceProgramme)
                (rows ??= []).Add(row);
        if (rows is null) return Nothing;
        var ids = rows.OfType<IInProgramme>().Select(r => r.ProgrammeId).Where(id => id > 0).Distinct().ToArray();
        var pairs = rows.Where(r => r is not IInProgramme).Select(r => (r.SchoolId, r.TeamId)).Distinct().ToArray();
        var schools = pairs.Select(p => p.SchoolId).ToArray();
        var teams = pairs.Select(p => p.TeamId).ToArray();
        var found = await db.Programmes.IgnoreQueryFilters().AsNoTracking()
            .Where(p => ids.Contains(p.Id) || (schools.Contains(p.SchoolId) && teams.Contains(p.TeamId)))
            .Select(p => new { p.Id, p.SchoolId, p.TeamId, p.Status }).ToListAsync(ct);
        return new ProgrammeActivity(
            found.ToDictionary(p => p.Id, p => p.Status == ProgrammeStatus.Active),
            found.GroupBy(p => (p.SchoolId, p.TeamId)).ToDictionary(g => g.Key, g => g.Any(p => p.Status == ProgrammeStatus.Active)));
    }

    /// <summary>Whether the row's programme is active; null when it has none yet (made in the same save).</summary>
    public bool? IsActive(EntityEntry entry) => entry.Entity switch
    {
        GuidanceProgramme => null,
        IInProgramme r => byId.TryGetValue(r.ProgrammeId, out var active) ? active : null,
        IProgrammeScoped r => byPair.TryGetValue((r.SchoolId, r.TeamId), out var active) ? active : null,
        _ => null,
    };
}
