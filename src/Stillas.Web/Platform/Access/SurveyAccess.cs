namespace Stillas.Web.Platform.Access;

/// <summary>
/// Who may do what with a survey (issue 21, part 14, the survey share), by where it belongs: a school's survey is run
/// by the school's principal and school leaders (not the system administrator: it is not the school), who may publish
/// its results to the school's people; an owner's survey (skoleeieranalysen) by the owner's administrators. The owner's
/// staff see a school survey's status, dates and response counts, never its results; guidance teams, Udir,
/// Statsforvalteren and the system administrator see no content. The access filter (StillasDb) decides which rows are
/// found at all; these decide what is done with them.
/// </summary>
public static class SurveyAccess
{
    /// <summary>Create it, invite, open and close it, see and publish its results.</summary>
    public static bool MayRunSurvey(this AccessScope scope, int ownerId, int? schoolId) =>
        schoolId is int school ? scope.LeaderSchoolIds.Contains(school) : scope.AdminOwnerIds.Contains(ownerId);

    /// <summary>See its results (aggregates with suppression): those who run it, and the school's people once published.</summary>
    public static bool MaySeeSurveyResults(this AccessScope scope, int ownerId, int? schoolId, bool published) =>
        scope.MayRunSurvey(ownerId, schoolId) || (published && schoolId is int school && scope.SchoolIds.Contains(school));

    /// <summary>See that it exists: its status, dates and response counts.</summary>
    public static bool MaySeeSurveyStatus(this AccessScope scope, int ownerId, int? schoolId) =>
        scope.IsSystem || scope.IsStaffOf(ownerId) || scope.MayRunSurvey(ownerId, schoolId) || (schoolId is int school && scope.SchoolIds.Contains(school));

    /// <summary>Start a survey at all: a school leader somewhere, or an owner's administrator.</summary>
    public static bool MayStartSurveys(this AccessScope scope) => scope.LeaderSchoolIds.Length > 0 || scope.AdminOwnerIds.Length > 0;
}
