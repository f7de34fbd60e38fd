using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Stillas.Web.Features.Documents;
using Stillas.Web.Features.Agreements;
using Stillas.Web.Features.Owners;
using Stillas.Web.Features.People;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Features.Schools;
using Stillas.Web.Features.Selection;
using Stillas.Web.Features.Teams;

namespace Stillas.Web.Platform.Access;

/// <summary>Thrown when a write falls outside the request's scope; the app answers 403.</summary>
public sealed class AccessDeniedException(string message) : Exception(message);

/// <summary>
/// The last line of defence: every save of owner-scoped master data is checked against the scope,
/// so a page that forgets a permission check still cannot write into another owner's data.
/// </summary>
public static class WriteGuard
{
    public static void Check(AccessScope scope, EntityEntry entry, int? ownerId)
    {
        if (scope.IsSystem) return;
        var allowed = Features.FuturePicture.FuturePictureAccess.MayWrite(scope, entry) ?? Features.Sessions.SessionAccess.MayWrite(scope, entry) ?? Features.Assessment.AssessmentAccess.MayWrite(scope, entry) ?? entry.Entity switch
        {
            SchoolOwner => entry.State == EntityState.Modified && scope.IsAdminOf(ownerId),
            School or GuidanceTeam or TeamMember or TrainingRecord => scope.IsAdminOf(ownerId),
            Person => ownerId is not null && scope.IsAdminOf(ownerId),
            Membership m => m.Role != Role.SystemAdmin && scope.IsAdminOf(ownerId),
            University => false,
            // The owner's administrator opens rounds and decides; its development advisors also record first talks.
            SelectionRound => scope.IsAdminOf(ownerId),
            SelectionCandidate => scope.IsStaffOf(ownerId),
            ProgrammeModel or GuidanceProgramme or SchoolHolidayPeriod => scope.IsAdminOf(ownerId),
            // A person turns their own calendar feed on and off.
            CalendarFeed f => scope.PersonId is int me && f.PersonId == me,
            GuidanceAgreement or AgreementVersion or AgreementLine => AgreementAccess.MayWrite(scope, entry),
            PlanStep => entry.State switch
            {
                EntityState.Modified => ProgrammeAccess.MayUpdate(scope, entry),
                EntityState.Added => ProgrammeAccess.MayAdd(scope, entry, ownerId),
                _ => scope.IsAdminOf(ownerId),
            },
            _ when DocumentAccess.IsDocumentEntity(entry.Entity) => DocumentAccess.MayWrite(scope, entry),
            _ => true,
        };
        if (!allowed)
            throw new AccessDeniedException($"{scope.ActorName} may not {entry.State} {entry.Metadata.ClrType.Name} of owner {ownerId}.");
    }
}
