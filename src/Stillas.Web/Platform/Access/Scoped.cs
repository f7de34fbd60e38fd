namespace Stillas.Web.Platform.Access;

/// <summary>
/// A row that belongs to one school owner. StillasDb gives every implementing type its access filter (by
/// <see cref="OwnerAudienceAttribute"/>, the owner's staff unless it says otherwise), and the write guard
/// refuses a row that is saved without an owner or moved to another.
/// </summary>
public interface IOwnerScoped
{
    int OwnerId { get; set; }
}

/// <summary>
/// A row that belongs to a guidance programme: its owner, its school and the team that runs it (stamped from
/// the programme so the access filters need no join). Read by the owner's staff, the team and the school's
/// people; <see cref="IConfidential"/> rows by the team alone.
/// </summary>
public interface IProgrammeScoped : IOwnerScoped
{
    int SchoolId { get; set; }
    int TeamId { get; set; }
}

/// <summary>A programme-scoped row that also names its programme (most do; children of such a row may not).</summary>
public interface IInProgramme : IProgrammeScoped
{
    int ProgrammeId { get; }
}

/// <summary>
/// What a guide and a school say in trust: session notes, interview and observation notes, report drafts
/// while the team writes them. Only the members of the team that runs the programme read or write it — not
/// the owner's administrator or development advisors unless they are members, not the system
/// administrator. StillasDb's filter makes it so; pages that show it record each read (<c>ConfidentialReads</c>).
/// </summary>
public interface IConfidential : IProgrammeScoped;

/// <summary>Who of an owner's people see an owner-scoped row (the filter StillasDb builds for it).</summary>
public enum OwnerAudience
{
    /// <summary>The owner's staff: its administrators and development advisors.</summary>
    Staff,
    /// <summary>The staff and the guides who work for the owner (its teams' members, guide roles).</summary>
    Guides,
    /// <summary>Everyone with a role at the owner, its schools' people included.</summary>
    Everyone,
}

[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class OwnerAudienceAttribute(OwnerAudience audience) : Attribute
{
    public OwnerAudience Audience { get; } = audience;
}

/// <summary>Placing a new row under its parent: the one way the ids are copied.</summary>
public static class Placement
{
    /// <summary>Gives <paramref name="child"/> the owner, school and team of <paramref name="parent"/>; returns the child.</summary>
    public static T PlaceIn<T>(this T child, IProgrammeScoped parent) where T : IProgrammeScoped
    {
        child.OwnerId = parent.OwnerId;
        child.SchoolId = parent.SchoolId;
        child.TeamId = parent.TeamId;
        return child;
    }

    /// <summary>Whether a programme-scoped row has been placed (a row without an owner, school or team is a bug).</summary>
    public static bool IsPlaced(IOwnerScoped row) =>
        row.OwnerId > 0 && (row is not IProgrammeScoped p || (p.SchoolId > 0 && p.TeamId > 0));
}
