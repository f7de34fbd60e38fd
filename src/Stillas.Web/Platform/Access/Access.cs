namespace Stillas.Web.Platform.Access;

/// <summary>What a role may do, named once and used by pages, the API and the write guard alike.</summary>
public enum Permission
{
    /// <summary>Create owners, manage system administrators.</summary>
    ManageSystem,
    /// <summary>Edit the owner's own details.</summary>
    ManageOwner,
    ManageSchools,
    ManagePeople,
    ManageTeams,
    ImportSchools,
    ViewAudit,
    ViewPeople,
    /// <summary>Open selection rounds, add candidate schools, decide and assign a team (owner administrator).</summary>
    ManageSelection,
    /// <summary>See selection rounds and record first talks (the owner's staff: administrator and development advisors).</summary>
    FollowUpSelection,
    /// <summary>Start guidance programmes, keep the owner's models, school holidays and note retention.</summary>
    ManageProgrammes,
    /// <summary>Write and import the owner's item banks for surveys (issue 21, part 13): the owner's administrator.</summary>
    ManageItemBanks,

    // ---- Within one programme (Access.Can(permission, programme)) ----

    /// <summary>See the programme and what is shared in it (the access filter decides the rows).</summary>
    ViewProgramme,
    /// <summary>
    /// Do the programme's work: plan and run sessions and assessment days, keep steps, the agreement's drafts,
    /// the start-up meeting and document requests. The owner's staff and the team that runs it.
    /// </summary>
    RunProgramme,
    /// <summary>
    /// Act for the school: write its future picture, answer for it (feedback, evaluations), approve the
    /// agreement for it, upload documents, tick off its tasks and mark its own steps. Its principal and school leaders.
    /// </summary>
    ActForSchool,
    /// <summary>Take part in the programme's conversation (comments): those who run it and those who act for the school.</summary>
    TakePart,
    /// <summary>Approve the agreement for the owner: an administrator of the owner.</summary>
    ApproveForOwner,
    /// <summary>Read and write the team's confidential content (<see cref="IConfidential"/>): members of the team only.</summary>
    TeamContent,
}

/// <summary>A person's roles in one programme, computed in one place (<see cref="Access.RolesIn"/>).</summary>
[Flags]
public enum ProgrammeRoles
{
    None = 0,
    /// <summary>Staff of the programme's owner (administrator or development advisor).</summary>
    Staff = 1,
    /// <summary>Administrator of the programme's owner.</summary>
    OwnerAdmin = 2,
    /// <summary>Member of the team that runs the programme.</summary>
    TeamMember = 4,
    /// <summary>Principal or school leader of the programme's school.</summary>
    SchoolLeader = 8,
    /// <summary>Any role at the programme's school (teachers, SKUT members, group leaders, leaders).</summary>
    SchoolPerson = 16,
    /// <summary>The system administrator: everything an owner's administrator may, for every owner — not the team's content.</summary>
    System = 32,
}

/// <summary>A programme as a permission's resource: where it belongs and whether it is running.</summary>
public interface IProgrammeResource : IProgrammeScoped
{
    /// <summary>Paused, stopped and completed programmes are read-only.</summary>
    bool IsActive { get; }
}

/// <summary>Thrown when a write reaches a programme that is not active; the app answers 409 with a clear message.</summary>
public sealed class ReadOnlyProgrammeException(string message) : Exception(message)
{
    public const string Title = "Forløpet er satt på pause eller avsluttet, og kan ikke endres.";
}

public static class Access
{
    /// <summary>Whether the scope may do <paramref name="permission"/> for the owner <paramref name="ownerId"/>.</summary>
    public static bool Can(this AccessScope scope, Permission permission, int? ownerId = null) => permission switch
    {
        Permission.ManageSystem => scope.IsSystem,
        Permission.ManageOwner or Permission.ManageSchools or Permission.ManagePeople or Permission.ManageTeams
            or Permission.ImportSchools or Permission.ViewAudit or Permission.ManageSelection or Permission.ManageProgrammes
            or Permission.ApproveForOwner or Permission.ManageItemBanks
            => ownerId is null ? scope.IsSystem || scope.AdminOwnerIds.Length > 0 : scope.IsAdminOf(ownerId),
        Permission.ViewPeople => ownerId is null ? scope.IsSystem || scope.StaffOwnerIds.Length > 0 || scope.LeaderSchoolIds.Length > 0 || scope.TeamIds.Length > 0 : scope.IsStaffOf(ownerId),
        Permission.FollowUpSelection => ownerId is null ? scope.IsSystem || scope.StaffOwnerIds.Length > 0 : scope.IsStaffOf(ownerId),
        _ => false,
    };

    /// <summary>The scope's roles in the programme that <paramref name="p"/> belongs to.</summary>
    public static ProgrammeRoles RolesIn(this AccessScope scope, IProgrammeScoped p)
    {
        var r = ProgrammeRoles.None;
        if (scope.IsSystem) r |= ProgrammeRoles.System;
        if (scope.StaffOwnerIds.Contains(p.OwnerId)) r |= ProgrammeRoles.Staff;
        if (scope.AdminOwnerIds.Contains(p.OwnerId)) r |= ProgrammeRoles.OwnerAdmin;
        if (scope.TeamIds.Contains(p.TeamId)) r |= ProgrammeRoles.TeamMember;
        if (scope.LeaderSchoolIds.Contains(p.SchoolId)) r |= ProgrammeRoles.SchoolLeader;
        if (scope.SchoolIds.Contains(p.SchoolId)) r |= ProgrammeRoles.SchoolPerson;
        return r;
    }

    /// <summary>
    /// Whether the scope may do <paramref name="permission"/> in the programme <paramref name="p"/> belongs to. A
    /// write to a programme that is not active is refused when <paramref name="p"/> knows its state
    /// (<see cref="IProgrammeResource"/>); the write guard refuses it for every row in any case.
    /// </summary>
    public static bool Can(this AccessScope scope, Permission permission, IProgrammeScoped p)
    {
        if (IsWrite(permission) && p is IProgrammeResource { IsActive: false }) return false;
        return Allows(permission, scope.RolesIn(p));
    }

    /// <summary>What each role in a programme may do: the one table.</summary>
    public static bool Allows(Permission permission, ProgrammeRoles r) => permission switch
    {
        Permission.ViewProgramme => r != ProgrammeRoles.None,
        Permission.RunProgramme => Any(r, ProgrammeRoles.System | ProgrammeRoles.Staff | ProgrammeRoles.TeamMember),
        // The system administrator is not the school.
        Permission.ActForSchool => Any(r, ProgrammeRoles.SchoolLeader),
        Permission.TakePart => Allows(Permission.RunProgramme, r) || Allows(Permission.ActForSchool, r),
        Permission.ApproveForOwner => Any(r, ProgrammeRoles.System | ProgrammeRoles.OwnerAdmin),
        // Only the team: not the owner's staff unless members, not the system administrator.
        Permission.TeamContent => Any(r, ProgrammeRoles.TeamMember),
        _ => false,
    };

    /// <summary>Whether a permission changes something (and so needs an active programme).</summary>
    public static bool IsWrite(Permission permission) => permission is not (Permission.ViewProgramme or Permission.TeamContent);

    private static bool Any(ProgrammeRoles r, ProgrammeRoles of) => (r & of) != 0;

    /// <summary>Owners the user may manage (for owner pickers on forms).</summary>
    public static bool CanManageAny(this AccessScope scope) => scope.IsSystem || scope.AdminOwnerIds.Length > 0;
}
