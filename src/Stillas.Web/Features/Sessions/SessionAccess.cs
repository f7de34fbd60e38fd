using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Stillas.Web.Platform.Access;

namespace Stillas.Web.Features.Sessions;

/// <summary>
/// Who may do what with sessions. Reading follows the programme (the owner's staff, the team, the
/// school's people), except the team's notes, which the school does not see. The team and the owner's
/// staff run sessions: details, notes, the learning-cycle step, the interim-work agreement and the
/// evaluation meeting's record. The school's leaders (principal, school leader) answer: the feedback on
/// the interim work, the session evaluation and the principal's feedback after a phase (seed 000 § 2).
/// </summary>
public static class SessionAccess
{
    public static bool CanRunSessions(this AccessScope scope, int ownerId, int teamId) =>
        scope.IsStaffOf(ownerId) || scope.TeamIds.Contains(teamId);

    /// <summary>The team's notes: the owner's staff and the team.</summary>
    public static bool CanReadNotes(this AccessScope scope, int ownerId, int teamId) => scope.CanRunSessions(ownerId, teamId);

    /// <summary>The school's side: its principal or a school leader.</summary>
    public static bool CanAnswerForSchool(this AccessScope scope, int schoolId) => scope.LeaderSchoolIds.Contains(schoolId);

    private static readonly HashSet<string> MeetingFields =
    [
        nameof(PhaseEvaluation.MeetingDate), nameof(PhaseEvaluation.MeetingParticipants), nameof(PhaseEvaluation.Conclusions),
        nameof(PhaseEvaluation.ModelAdjustments), nameof(PhaseEvaluation.RecordedByName), nameof(PhaseEvaluation.RecordedAt),
    ];

    private static readonly HashSet<string> FeedbackFields =
        [nameof(PhaseEvaluation.WorkedWell), nameof(PhaseEvaluation.ToImprove), nameof(PhaseEvaluation.FeedbackOther), nameof(PhaseEvaluation.FeedbackByName), nameof(PhaseEvaluation.FeedbackAt)];

    /// <summary>The write guard's check; null when the entity is not a session entity.</summary>
    public static bool? MayWrite(AccessScope scope, EntityEntry entry)
    {
        if (entry.Entity is not (GuidanceSession or SessionNote or InterimWorkAgreement or InterimWorkFeedback or SessionEvaluation or PhaseEvaluation)) return null;
        int Original(string name) => (int)(entry.State == EntityState.Added ? entry.Property(name).CurrentValue! : entry.Property(name).OriginalValue!);
        var owner = Original("OwnerId");
        var school = Original("SchoolId");
        var team = Original("TeamId");
        // Where a record belongs is the programme's, not the writer's, to change.
        if (entry.State == EntityState.Modified && new[] { "OwnerId", "SchoolId", "TeamId" }.Any(n => !Equals(entry.Property(n).OriginalValue, entry.Property(n).CurrentValue)))
            return scope.IsAdminOf(owner);
        var runs = scope.CanRunSessions(owner, team);
        var school_ = scope.CanAnswerForSchool(school);
        return entry.Entity switch
        {
            GuidanceSession or InterimWorkAgreement => runs,
            // A note is its author's own: nobody saves into a colleague's note.
            SessionNote n => runs && (entry.State == EntityState.Deleted ? n.AuthorPersonId == scope.PersonId : n.AuthorPersonId == scope.PersonId),
            InterimWorkFeedback => school_,
            SessionEvaluation e => school_ && e.PersonId == scope.PersonId,
            PhaseEvaluation => entry.State == EntityState.Added ? runs || school_
                : entry.Properties.Where(p => p.IsModified).All(p => (runs && MeetingFields.Contains(p.Metadata.Name)) || (school_ && FeedbackFields.Contains(p.Metadata.Name))),
            _ => false,
        };
    }
}
