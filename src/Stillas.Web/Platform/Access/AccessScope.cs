
namespace Stillas.Web.Platform.Access;

/// <summary>
/// What one request's user may see, computed once per request from their memberships
/// (<see cref="AccessScopeLoader"/>) and read by StillasDb's query filters and by <see cref="Access"/>.
/// </summary>
public sealed class AccessScope
{
    public static readonly AccessScope None = new() { Kind = ScopeKind.Anonymous };
    /// <summary>For the system itself: migrations, seeding, background jobs.</summary>
    public static readonly AccessScope System = new() { Kind = ScopeKind.System, IsSystem = true, ActorName = "System" };

    public ScopeKind Kind { get; init; }
    public int? PersonId { get; init; }
    public string ActorName { get; init; } = "";
    public bool IsSystem { get; init; }
    /// <summary>Owners the user administers (owner administrator).</summary>
    public int[] AdminOwnerIds { get; init; } = [];
    /// <summary>Owners whose staff the user is (administrator or development advisor): people, teams and schools.</summary>
    public int[] StaffOwnerIds { get; init; } = [];
    /// <summary>Owners whose schools the user may list (staff, plus owners of the user's teams and guide roles).</summary>
    public int[] ReadOwnerIds { get; init; } = [];
    /// <summary>Owners the user may see at all (the above plus the owners of the user's schools).</summary>
    public int[] VisibleOwnerIds { get; init; } = [];
    /// <summary>Schools where the user holds a school role.</summary>
    public int[] SchoolIds { get; init; } = [];
    /// <summary>Schools where the user is principal or school leader.</summary>
    public int[] LeaderSchoolIds { get; init; } = [];
    public int[] TeamIds { get; init; } = [];
    public IReadOnlyList<Role> Roles { get; init; } = [];

    // The id lists as ",1,5,9," for SQLite's access filters (see StillasDb.TextListFilters), made once per scope.
    private string? adminCsv, staffCsv, readCsv, visibleCsv, schoolCsv, leaderCsv, teamCsv;
    internal string AdminOwnerCsv => adminCsv ??= ToCsv(AdminOwnerIds);
    internal string StaffOwnerCsv => staffCsv ??= ToCsv(StaffOwnerIds);
    internal string ReadOwnerCsv => readCsv ??= ToCsv(ReadOwnerIds);
    internal string VisibleOwnerCsv => visibleCsv ??= ToCsv(VisibleOwnerIds);
    internal string SchoolCsv => schoolCsv ??= ToCsv(SchoolIds);
    internal string LeaderSchoolCsv => leaderCsv ??= ToCsv(LeaderSchoolIds);
    internal string TeamCsv => teamCsv ??= ToCsv(TeamIds);
    private static string ToCsv(int[] ids) => ids.Length == 0 ? "," : "," + string.Join(',', ids) + ",";

    public bool IsAuthenticated => Kind != ScopeKind.Anonymous;
    public bool Has(Role role) => IsSystem || Roles.Contains(role);
    public bool IsAdminOf(int? ownerId) => IsSystem || (ownerId is int id && AdminOwnerIds.Contains(id));
    public bool IsStaffOf(int? ownerId) => IsSystem || (ownerId is int id && StaffOwnerIds.Contains(id));
}

public enum ScopeKind { Anonymous, User, System }

/// <summary>Per-request holder: filled by <see cref="AccessScopeMiddleware"/>, read lazily by StillasDb.</summary>
public sealed class CurrentScope
{
    public AccessScope Scope { get; set; } = AccessScope.None;
}
