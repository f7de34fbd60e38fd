using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Stillas.Web.Platform.Access;

namespace Stillas.Web.Features.Assessment;

/// <summary>
/// Who may do what with the assessment days. The schedule and the school's checklist are read by all who
/// see the programme; the team and the owner's staff plan them, and the school's leaders tick off what
/// the school has arranged. Notes are the guides' working material (seed 000 § 3.3: "never shown to the
/// school"): only the team's members see or write them, not the school, not the owner's administrator,
/// not even a count. The report is the team's until it is final; then everyone who sees the programme
/// reads it.
/// </summary>
public static class AssessmentAccess
{
    public static bool CanPlan(this AccessScope scope, int ownerId, int teamId) => scope.IsStaffOf(ownerId) || scope.TeamIds.Contains(teamId);

    public static bool CanTickTask(this AccessScope scope, int ownerId, int teamId, int schoolId) =>
        scope.CanPlan(ownerId, teamId) || scope.LeaderSchoolIds.Contains(schoolId);

    /// <summary>Notes and the report draft: the team's members only (a system administrator is not a team member).</summary>
    public static bool IsOnTeam(this AccessScope scope, int teamId) => scope.TeamIds.Contains(teamId);

    public static bool CanReadReport(this AccessScope scope, int teamId, ReportStatus status) => status != ReportStatus.Draft || scope.IsOnTeam(teamId) || scope.IsSystem;

    public static bool CanSetRetention(this AccessScope scope, int ownerId) => scope.Can(Permission.ManageProgrammes, ownerId);

    private static readonly HashSet<string> TickFields = [nameof(AssessmentTask.Done), nameof(AssessmentTask.DoneAt), nameof(AssessmentTask.DoneBy)];

    /// <summary>The write guard's check; null when the entity is not an assessment entity.</summary>
    public static bool? MayWrite(AccessScope scope, EntityEntry entry)
    {
        int Orig(string name) => (int)entry.Property(name).OriginalValue!;
        bool SameHome() => entry.State == EntityState.Added
            || new[] { "OwnerId", "SchoolId", "TeamId" }.All(n => Equals(entry.Property(n).OriginalValue, entry.Property(n).CurrentValue));
        return entry.Entity switch
        {
            AssessmentSlot => SameHome() && scope.CanPlan(Orig("OwnerId"), Orig("TeamId")),
            AssessmentTask => SameHome() && (scope.CanPlan(Orig("OwnerId"), Orig("TeamId"))
                || (entry.State == EntityState.Modified && scope.LeaderSchoolIds.Contains(Orig("SchoolId"))
                    && entry.Properties.Where(p => p.IsModified).All(p => TickFields.Contains(p.Metadata.Name)))),
            AssessmentNote or AssessmentReport or ReportSection or ReportSectionVersion or ReportPresentation => SameHome() && scope.IsOnTeam(Orig("TeamId")),
            AssessmentSettings s => scope.IsAdminOf(s.OwnerId) && (entry.State == EntityState.Added || scope.IsAdminOf(Orig("OwnerId"))),
            _ => null,
        };
    }
}
