using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Stillas.Web.Platform.Access;

namespace Stillas.Web.Features.Agreements;

/// <summary>
/// Who may do what with a programme's agreement. The owner's staff and the team that runs the programme
/// write the drafts; the owner side approves through an owner administrator, the school side through its
/// principal or a school leader (seed 000 § 2: the owner enters the agreement with the school).
/// </summary>
public static class AgreementAccess
{
    public static bool CanEditAgreement(this AccessScope scope, int ownerId, int teamId) =>
        scope.IsStaffOf(ownerId) || scope.TeamIds.Contains(teamId);

    /// <summary>Approve for the school owner: an administrator of the owner.</summary>
    public static bool CanApproveForOwner(this AccessScope scope, int ownerId) =>
        scope.Can(Permission.ManageOwner, ownerId);

    /// <summary>Approve for the school: its principal or a school leader (not the system administrator).</summary>
    public static bool CanApproveForSchool(this AccessScope scope, int schoolId) =>
        scope.LeaderSchoolIds.Contains(schoolId);

    /// <summary>What a school leader's approval changes; nothing else.</summary>
    private static readonly HashSet<string> SchoolApprovalFields =
    [
        nameof(AgreementVersion.PrincipalApprovedBy), nameof(AgreementVersion.PrincipalApprovedById), nameof(AgreementVersion.PrincipalApprovedAt),
        nameof(AgreementVersion.Status), nameof(AgreementVersion.Version), nameof(AgreementVersion.UpdatedBy), nameof(AgreementVersion.UpdatedAt),
    ];

    /// <summary>The write guard's check of an agreement, a version or a line, on the values it had when it was read.</summary>
    public static bool MayWrite(AccessScope scope, EntityEntry entry)
    {
        int Original(string name) => (int)(entry.State == EntityState.Added ? entry.Property(name).CurrentValue! : entry.Property(name).OriginalValue!);
        int Current(string name) => (int)entry.Property(name).CurrentValue!;
        var owner = Original("OwnerId");
        var school = Original("SchoolId");
        var team = Original("TeamId");
        // Where an agreement belongs is the programme's, not the editor's, to change.
        if (owner != Current("OwnerId") || school != Current("SchoolId") || team != Current("TeamId")) return scope.IsAdminOf(owner);
        if (scope.CanEditAgreement(owner, team)) return true;
        if (entry.State != EntityState.Modified || !scope.CanApproveForSchool(school)) return false;
        var changed = entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name);
        return entry.Entity switch
        {
            // The approval that puts a version in force moves the agreement's current version on.
            GuidanceAgreement => changed.All(n => n == nameof(GuidanceAgreement.CurrentVersion)),
            AgreementVersion => changed.All(SchoolApprovalFields.Contains),
            _ => false,
        };
    }
}
