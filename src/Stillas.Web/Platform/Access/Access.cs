namespace Stillas.Web.Platform.Access;

/// <summary>What a role may do, named once and used by pages and the API alike.</summary>
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
    /// <summary>Start guidance programmes, keep the owner's models and school holidays.</summary>
    ManageProgrammes,
}

public static class Access
{
    /// <summary>Whether the scope may do <paramref name="permission"/> for the owner <paramref name="ownerId"/>.</summary>
    public static bool Can(this AccessScope scope, Permission permission, int? ownerId = null) => permission switch
    {
        Permission.ManageSystem => scope.IsSystem,
        Permission.ManageOwner or Permission.ManageSchools or Permission.ManagePeople or Permission.ManageTeams
            or Permission.ImportSchools or Permission.ViewAudit or Permission.ManageSelection or Permission.ManageProgrammes
            => ownerId is null ? scope.IsSystem || scope.AdminOwnerIds.Length > 0 : scope.IsAdminOf(ownerId),
        Permission.ViewPeople => ownerId is null ? scope.IsSystem || scope.StaffOwnerIds.Length > 0 || scope.LeaderSchoolIds.Length > 0 || scope.TeamIds.Length > 0 : scope.IsStaffOf(ownerId),
        Permission.FollowUpSelection => ownerId is null ? scope.IsSystem || scope.StaffOwnerIds.Length > 0 : scope.IsStaffOf(ownerId),
        _ => false,
    };

    /// <summary>Owners the user may manage (for owner pickers on forms).</summary>
    public static bool CanManageAny(this AccessScope scope) => scope.IsSystem || scope.AdminOwnerIds.Length > 0;
}
