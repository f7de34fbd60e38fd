using Stillas.Web.Features.People;
using Stillas.Web.Features.Selection;
using Stillas.Web.Platform.Access;

namespace Stillas.Web.Features.Owners;

// Owner-scoped master data (schools, teams, members, training, rounds, models, holidays, settings) needs the
// owner's administrator: the write guard's default. These differ from it.

/// <summary>An owner is created by the system administrator and edited by its administrators.</summary>
public sealed class SchoolOwnerWrites : WriteRule<SchoolOwner>
{
    protected override bool MayWrite(WriteContext w, SchoolOwner owner) => w.Added || w.Deleted ? w.Scope.IsSystem : w.Scope.IsAdminOf(owner.Id);
}

/// <summary>People are registered and kept by the administrators of their owner; system staff (no owner) by the system administrator.</summary>
public sealed class PersonWrites : WriteRule<Person>
{
    protected override bool MayWrite(WriteContext w, Person person) =>
        person.OwnerId is int owner ? w.Scope.IsAdminOf(owner) && (w.Added || w.Original<int?>(nameof(Person.OwnerId)) == owner || w.Scope.IsSystem) : w.Scope.IsSystem;
}

/// <summary>Roles are given by the owner's administrator; the system administrator role only by the system administrator.</summary>
public sealed class MembershipWrites : WriteRule<Membership>
{
    protected override bool MayWrite(WriteContext w, Membership m) =>
        m.Role == Role.SystemAdmin || m.OwnerId is null ? w.Scope.IsSystem : w.Scope.IsAdminOf(m.OwnerId) && (w.Added || w.Original<int?>(nameof(Membership.OwnerId)) == m.OwnerId || w.Scope.IsSystem);
}

/// <summary>The owner's development advisors also record first talks with candidate schools.</summary>
public sealed class SelectionCandidateWrites : WriteRule<SelectionCandidate>
{
    protected override bool MayWrite(WriteContext w, SelectionCandidate c) => w.Scope.IsStaffOf(c.OwnerId);
}
