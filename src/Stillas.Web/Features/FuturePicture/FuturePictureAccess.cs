using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Stillas.Web.Platform.Access;

namespace Stillas.Web.Features.FuturePicture;

/// <summary>
/// Who may do what with a future picture. Reading follows the programme: the owner's staff, the team
/// and the school's people (StillasDb's filters). The school owns the text (seed 000 § 1, Fase 2: "the
/// school writes its future picture, in dialogue with the team"), so only the school's leaders
/// (principal, school leader) save versions. The team and the owner's staff comment; the school's
/// leaders may answer in the same thread, and anyone who may comment may mark a comment resolved.
/// </summary>
public static class FuturePictureAccess
{
    public static bool CanWriteVersion(this AccessScope scope, int schoolId) => scope.LeaderSchoolIds.Contains(schoolId);

    public static bool CanComment(this AccessScope scope, int ownerId, int teamId, int schoolId) =>
        scope.IsStaffOf(ownerId) || scope.TeamIds.Contains(teamId) || scope.LeaderSchoolIds.Contains(schoolId);

    /// <summary>The write guard's check; null when the entity is not a future-picture entity.</summary>
    public static bool? MayWrite(AccessScope scope, EntityEntry entry) => entry.Entity switch
    {
        FuturePicture f => entry.State != EntityState.Deleted && SameHome(entry) && scope.CanWriteVersion(f.SchoolId),
        // Versions and their signs are history: added, never changed or removed.
        FuturePictureVersion v => entry.State == EntityState.Added && scope.CanWriteVersion(v.SchoolId),
        SignOfGoodPractice s => entry.State == EntityState.Added && scope.CanWriteVersion(s.SchoolId),
        FuturePictureComment c => entry.State switch
        {
            EntityState.Added => scope.CanComment(c.OwnerId, c.TeamId, c.SchoolId),
            EntityState.Modified => SameHome(entry) && scope.CanComment(c.OwnerId, c.TeamId, c.SchoolId)
                                    && entry.Properties.Where(p => p.IsModified).All(p => p.Metadata.Name == nameof(FuturePictureComment.Resolved)),
            _ => false,
        },
        _ => null,
    };

    private static bool SameHome(EntityEntry entry) =>
        entry.State == EntityState.Added
        || new[] { "OwnerId", "SchoolId", "TeamId" }.All(n => Equals(entry.Property(n).OriginalValue, entry.Property(n).CurrentValue));
}
