using Stillas.Web.Platform.Access;

namespace Stillas.Web.Features.Programmes.Sessions;

/// <summary>
/// Who may write sessions and their records. Those who run the programme keep the session, its interim-work
/// agreement and the evaluation meeting's record; the notes are the team's alone, each its author's own; the
/// school's leaders answer: the feedback on the interim work, the session evaluation and the principal's
/// feedback after a phase (seed 000 § 2).
/// </summary>
public sealed class SessionWrites : IWriteRule
{
    public IEnumerable<Type> EntityTypes =>
        [typeof(GuidanceSession), typeof(SessionNote), typeof(InterimWorkAgreement), typeof(InterimWorkFeedback), typeof(SessionEvaluation), typeof(PhaseEvaluation)];

    private static readonly HashSet<string> MeetingFields =
    [
        nameof(PhaseEvaluation.MeetingDate), nameof(PhaseEvaluation.MeetingParticipants), nameof(PhaseEvaluation.Conclusions),
        nameof(PhaseEvaluation.ModelAdjustments), nameof(PhaseEvaluation.RecordedByName), nameof(PhaseEvaluation.RecordedAt),
    ];

    private static readonly HashSet<string> FeedbackFields =
        [nameof(PhaseEvaluation.WorkedWell), nameof(PhaseEvaluation.ToImprove), nameof(PhaseEvaluation.FeedbackOther), nameof(PhaseEvaluation.FeedbackByName), nameof(PhaseEvaluation.FeedbackAt)];

    public bool MayWrite(WriteContext w)
    {
        var runs = w.Can(Permission.RunProgramme);
        var school = w.Can(Permission.ActForSchool);
        return w.Entry.Entity switch
        {
            GuidanceSession or InterimWorkAgreement => runs,
            // A note is its author's own: nobody saves into a colleague's note.
            SessionNote n => w.Can(Permission.TeamContent) && n.AuthorPersonId == w.Scope.PersonId,
            InterimWorkFeedback => school,
            SessionEvaluation e => school && e.PersonId == w.Scope.PersonId,
            PhaseEvaluation => w.Added ? runs || school
                : w.Entry.Properties.Where(p => p.IsModified && !p.Metadata.IsConcurrencyToken).All(p => (runs && MeetingFields.Contains(p.Metadata.Name)) || (school && FeedbackFields.Contains(p.Metadata.Name))),
            _ => false,
        };
    }
}
