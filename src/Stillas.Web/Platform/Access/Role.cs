namespace Stillas.Web.Platform.Access;

/// <summary>The roles a person can hold (issue 3, § 4). Team roles are on the team member.</summary>
public enum Role
{
    SystemAdmin = 1,
    OwnerAdmin = 2,
    DevelopmentAdvisor = 3,
    SchoolLeaderGuide = 4,
    UniversityGuide = 5,
    Principal = 6,
    SchoolLeader = 7,
    SkutMember = 8,
    GroupLeader = 9,
    Teacher = 10,
}
