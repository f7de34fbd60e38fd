using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Programmes.Agreement;
using Stillas.Web.Platform.Access;

namespace Stillas.Web.Features.Programmes;

/// <summary>
/// Who may write a programme's steps. Programmes, models and school holidays are the owner administrator's
/// (the guard's default for owner-scoped rows); the steps of a running plan are kept up to date by those who
/// run the programme. The school's leaders mark the school's own steps done or not done, with a note, and
/// nothing else (seed 000 § 2); their approval that puts the agreement in force also makes the dated plan
/// and marks "agreement signed" done, in the same save.
/// </summary>
public sealed class PlanStepWrites : WriteRule<PlanStep>
{
    private static readonly HashSet<string> LeaderFields = [nameof(PlanStep.Status), nameof(PlanStep.DoneAt), nameof(PlanStep.Note)];
    private static readonly HashSet<string> ApprovalFields = [nameof(PlanStep.Status), nameof(PlanStep.DoneAt)];

    protected override bool MayWrite(WriteContext w, PlanStep step)
    {
        if (w.Scope.IsAdminOf(step.OwnerId)) return true;
        if (w.Added) return InApprovalSave(w, step.SchoolId);
        if (!w.Modified) return false;
        if (w.Can(Permission.RunProgramme)) return true;
        if (step.Key == ProgrammePlanning.AgreementStepKey && InApprovalSave(w, step.SchoolId) && w.OnlyChanged(ApprovalFields)) return true;
        return w.Original<StepResponsible>(nameof(PlanStep.Responsible)) == StepResponsible.School && w.Can(Permission.ActForSchool)
               && w.OnlyChanged(LeaderFields) && step.Status is StepStatus.Done or StepStatus.Planned or StepStatus.Moved;
    }

    /// <summary>Whether this save approves a version of the school's agreement so that it comes into force, by one who acts for the school.</summary>
    private static bool InApprovalSave(WriteContext w, int schoolId) =>
        w.Can(Permission.ActForSchool)
        && w.Entry.Context.ChangeTracker.Entries<AgreementVersion>().Any(v =>
            v.State == EntityState.Modified && v.Entity.SchoolId == schoolId && v.Entity.Status == AgreementStatus.Approved
            && (AgreementStatus)v.Property(nameof(AgreementVersion.Status)).OriginalValue! != AgreementStatus.Approved);
}

/// <summary>A person turns their own calendar feed on and off.</summary>
public sealed class CalendarFeedWrites : WriteRule<CalendarFeed>
{
    protected override bool MayWrite(WriteContext w, CalendarFeed feed) => w.Scope.PersonId is int me && feed.PersonId == me;
}
