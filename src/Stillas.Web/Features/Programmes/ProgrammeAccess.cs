using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Stillas.Web.Platform.Access;

namespace Stillas.Web.Features.Programmes;

/// <summary>
/// Who may change a programme's steps. Programmes, models and school holidays are the owner
/// administrator's (<see cref="Permission.ManageProgrammes"/>); the steps of a running plan are kept up
/// to date by those who do the work: the owner's staff (administrator, development advisor) and the
/// guidance team that runs the programme. The school's leaders (principal, school leader) may mark the
/// school's own steps done or not done, with a note, and nothing else (seed 000 § 2: the school
/// leadership does the agreed work and sends feedback before the next session).
/// </summary>
public static class ProgrammeAccess
{
    /// <summary>Change any field of the steps of a programme of <paramref name="ownerId"/> run by <paramref name="teamId"/>.</summary>
    public static bool CanEditSteps(this AccessScope scope, int ownerId, int teamId) =>
        scope.IsStaffOf(ownerId) || scope.TeamIds.Contains(teamId);

    /// <summary>Mark a step done (or not) with a note: a leader of the school, for the school's own steps.</summary>
    public static bool CanMarkDone(this AccessScope scope, int schoolId, StepResponsible responsible) =>
        responsible == StepResponsible.School && scope.LeaderSchoolIds.Contains(schoolId);

    /// <summary>The fields a school leader may change on a school step.</summary>
    private static readonly HashSet<string> LeaderFields = [nameof(PlanStep.Status), nameof(PlanStep.DoneAt), nameof(PlanStep.Note)];

    /// <summary>
    /// The write guard's check of a new step: the owner's administrator adds steps; a school leader's
    /// approval that puts the school's agreement in force also makes the dated plan, in the same save.
    /// </summary>
    public static bool MayAdd(AccessScope scope, EntityEntry entry, int? ownerId)
    {
        if (scope.IsAdminOf(ownerId)) return true;
        return entry.Entity is PlanStep step && entry.State == EntityState.Added && InApprovalSave(scope, entry, step.SchoolId);
    }

    /// <summary>Whether this save approves a version of the school's agreement so that it comes into force, by a leader of the school.</summary>
    private static bool InApprovalSave(AccessScope scope, EntityEntry entry, int schoolId) =>
        Agreements.AgreementAccess.CanApproveForSchool(scope, schoolId)
        && entry.Context.ChangeTracker.Entries<Agreements.AgreementVersion>().Any(v =>
            v.State == EntityState.Modified && v.Entity.SchoolId == schoolId && v.Entity.Status == Agreements.AgreementStatus.Approved
            && (Agreements.AgreementStatus)v.Property(nameof(Agreements.AgreementVersion.Status)).OriginalValue! != Agreements.AgreementStatus.Approved);

    /// <summary>The write guard's check of a changed step, on the values it had when it was read.</summary>
    public static bool MayUpdate(AccessScope scope, EntityEntry entry)
    {
        if (entry.Entity is not PlanStep step || entry.State != EntityState.Modified) return false;
        var owner = (int)entry.Property(nameof(PlanStep.OwnerId)).OriginalValue!;
        var team = (int)entry.Property(nameof(PlanStep.TeamId)).OriginalValue!;
        var school = (int)entry.Property(nameof(PlanStep.SchoolId)).OriginalValue!;
        var responsible = (StepResponsible)entry.Property(nameof(PlanStep.Responsible)).OriginalValue!;
        // Where a step belongs is the programme's, not the step editor's, to change.
        var sameHome = owner == step.OwnerId && team == step.TeamId && school == step.SchoolId;
        if (scope.IsAdminOf(owner)) return true;
        if (!sameHome) return false;
        if (scope.CanEditSteps(owner, team)) return true;
        // The approval that puts the agreement in force marks the step "agreement signed" done.
        if (step.Key == ProgrammePlanning.AgreementStepKey && InApprovalSave(scope, entry, school)
            && entry.Properties.Where(p => p.IsModified).All(p => p.Metadata.Name is nameof(PlanStep.Status) or nameof(PlanStep.DoneAt)))
            return true;
        return scope.CanMarkDone(school, responsible)
               && entry.Properties.Where(p => p.IsModified).All(p => LeaderFields.Contains(p.Metadata.Name))
               && step.Status is StepStatus.Done or StepStatus.Planned or StepStatus.Moved;
    }
}
