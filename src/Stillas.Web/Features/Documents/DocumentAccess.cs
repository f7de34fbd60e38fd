using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Features.StartUp;
using Stillas.Web.Platform.Access;

namespace Stillas.Web.Features.Documents;

/// <summary>
/// Who may do what with a programme's start-up meeting and document requests. The owner's staff and
/// the guidance team that runs the programme keep the meeting and the list of requests; the school's
/// leaders (principal, school leader) upload files to their school's requests, which marks them
/// delivered. Everyone who can see the programme can read both.
/// </summary>
public static class DocumentAccess
{
    /// <summary>Keep the meeting, add requests, change their status: owner staff and the programme's team.</summary>
    public static bool CanManageDocuments(this AccessScope scope, int ownerId, int teamId) => scope.CanEditSteps(ownerId, teamId);

    /// <summary>Upload a file to a request: those who manage it, and the school's leaders.</summary>
    public static bool CanUpload(this AccessScope scope, int ownerId, int schoolId, int teamId) =>
        scope.CanManageDocuments(ownerId, teamId) || scope.LeaderSchoolIds.Contains(schoolId);

    /// <summary>The write guard's check for the entities of this area.</summary>
    public static bool MayWrite(AccessScope scope, EntityEntry entry)
    {
        var owner = Original<int>(entry, "OwnerId");
        var school = Original<int>(entry, "SchoolId");
        var team = Original<int>(entry, "TeamId");
        // Where a row belongs is the programme's to say, and never changes.
        if (entry.State == EntityState.Modified
            && (owner != (int)entry.Property("OwnerId").CurrentValue! || school != (int)entry.Property("SchoolId").CurrentValue! || team != (int)entry.Property("TeamId").CurrentValue!))
            return scope.IsAdminOf(owner);
        if (scope.CanManageDocuments(owner, team)) return true;
        if (!scope.LeaderSchoolIds.Contains(school)) return false;
        return entry.Entity switch
        {
            // A school leader adds files, and marks a request delivered by doing so.
            StoredFile => entry.State == EntityState.Added,
            DocumentRequest r => entry.State == EntityState.Modified
                                 && entry.Properties.Where(p => p.IsModified).All(p => p.Metadata.Name == nameof(DocumentRequest.Status))
                                 && r.Status == DocumentStatus.Delivered
                                 && Original<DocumentStatus>(entry, nameof(DocumentRequest.Status)) is DocumentStatus.Requested or DocumentStatus.Delivered,
            _ => false,
        };
    }

    public static bool IsDocumentEntity(object entity) => entity is StartUpMeeting or AgendaItem or DocumentRequest or StoredFile;

    private static T Original<T>(EntityEntry entry, string property) =>
        (T)(entry.State == EntityState.Added ? entry.Property(property).CurrentValue : entry.Property(property).OriginalValue)!;
}
