using Stillas.Web.Platform.Access;

namespace Stillas.Web.Features.Programmes.Assessment;

/// <summary>
/// Who may write the assessment days. Those who run the programme plan them, and the school's leaders tick
/// off what the school has arranged. Notes are the guides' working material (seed 000 § 3.3: "never shown to
/// the school") and the report is the team's until it is final: the team's members only.
/// </summary>
public sealed class AssessmentWrites : IWriteRule
{
    public IEnumerable<Type> EntityTypes =>
        [typeof(AssessmentSlot), typeof(AssessmentTask), typeof(AssessmentNote), typeof(AssessmentReport), typeof(ReportSection), typeof(ReportSectionVersion), typeof(ReportPresentation)];

    private static readonly HashSet<string> TickFields = [nameof(AssessmentTask.Done), nameof(AssessmentTask.DoneAt), nameof(AssessmentTask.DoneBy)];

    public bool MayWrite(WriteContext w) => w.Entry.Entity switch
    {
        AssessmentSlot => w.Can(Permission.RunProgramme),
        AssessmentTask => w.Can(Permission.RunProgramme) || (w.Modified && w.Can(Permission.ActForSchool) && w.OnlyChanged(TickFields)),
        _ => w.Can(Permission.TeamContent),
    };
}
